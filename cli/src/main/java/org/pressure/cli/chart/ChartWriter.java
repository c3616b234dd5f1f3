package org.pressure.cli.chart;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.pdf.PDFDocument;
import org.jfree.pdf.PDFGraphics2D;
import org.jfree.pdf.Page;
import org.jfree.svg.SVGGraphics2D;
import org.pressure.engine.io.AtomicFiles;

/**
 * Writes charts as PNG, SVG or PDF. Every chart is laid out at a design width of 1600 units
 * (so fonts keep their proportions) and scaled to the size asked for.
 */
public final class ChartWriter {
    static final double DESIGN_WIDTH = 1600;

    private ChartWriter() {}

    /** Writes {@code chart} to {@code target} at {@code width} x {@code height} pixels, atomically. */
    public static void write(JFreeChart chart, ChartFormat format, Path target, int width, int height) throws IOException {
        write(chart, format, target, width, height, 0);
    }

    /**
     * Writes {@code chart}; {@code dpi} above 0 is recorded in a PNG so that word processors
     * place it at its printed size.
     */
    public static void write(JFreeChart chart, ChartFormat format, Path target, int width, int height, int dpi)
            throws IOException {
        double scale = width / DESIGN_WIDTH;
        int w = (int) Math.round(DESIGN_WIDTH), h = (int) Math.round(height / scale);
        switch (format) {
            case PNG -> {
                BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
                Graphics2D g2 = image.createGraphics();
                g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g2.scale(scale, scale);
                chart.draw(g2, new Rectangle2D.Double(0, 0, w, h));
                g2.dispose();
                AtomicFiles.write(target, out -> png(image, dpi, out));
            }
            case SVG -> {
                byte[] svg = svg(chart, w, h).getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(target, out -> out.write(svg));
            }
            case PDF -> {
                PDFDocument pdf = new PDFDocument();
                pdf.setTitle(chart.getTitle() == null ? "Chart" : Theme.cut(chart.getTitle().getText()));
                pdf.setAuthor("Pressure");
                // a printed size (16x9cm) gives a page of that size in points; pixels count as points
                double points = dpi > 0 ? 72.0 / dpi : 1;
                int pageWidth = (int) Math.round(width * points), pageHeight = (int) Math.round(height * points);
                Page page = pdf.createPage(new Rectangle(0, 0, pageWidth, pageHeight));
                PDFGraphics2D g2 = page.getGraphics2D();
                g2.scale(pageWidth / (double) w, pageHeight / (double) h);
                chart.draw(g2, new Rectangle(0, 0, w, h));
                byte[] bytes = SameBytes.pdf(pdf.getPDFBytes());
                AtomicFiles.write(target, out -> out.write(bytes));
            }
            default -> throw new IllegalArgumentException(format.toString());
        }
    }

    private static void png(BufferedImage image, int dpi, java.io.OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        if (dpi > 0) {
            String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
        }
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, meta), param);
        } finally {
            writer.dispose();
        }
    }

    /** The chart as an SVG element, without an XML declaration or DOCTYPE (to write or to inline in HTML). */
    public static String svgElement(JFreeChart chart, int width, int height) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix("_0"); // the default comes from the clock; ids must be the same on every run
        chart.draw(g2, new Rectangle(0, 0, width, height));
        return g2.getSVGElement();
    }

    /** A standalone SVG file's text; it names no DTD, so nothing is fetched to read it. */
    static String svg(JFreeChart chart, int width, int height) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement(chart, width, height) + "\n";
    }
}
