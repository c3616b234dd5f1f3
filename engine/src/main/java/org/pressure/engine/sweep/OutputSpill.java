package org.pressure.engine.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Every output of every run as raw doubles, row by row, in a temporary file beside runs.csv:
 * what exact percentiles of a sweep too large to hold in memory are selected from, in a few
 * passes per output (see {@link ExactQuantiles}), without reading runs.csv back as text. The
 * file is deleted when the sweep's summaries are done, or when the sweep stops.
 */
final class OutputSpill implements AutoCloseable {
    /** How much of the file one pass maps at a time. */
    private static final long SEGMENT = 1L << 28;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    private final int width;
    private long rows;

    private OutputSpill(Path file, FileChannel channel, int width) {
        this.file = file;
        this.channel = channel;
        this.width = width;
    }

    /** A new spill of rows of {@code width} outputs, in {@code dir}. */
    static OutputSpill create(Path dir, int width) throws IOException {
        Path file = Files.createTempFile(dir, ".pressure-outputs-", ".bin");
        return new OutputSpill(file, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE), width);
    }

    /** Appends one run's outputs. */
    void add(double[] outputs) throws IOException {
        if (buffer.remaining() < width * Double.BYTES) flush();
        for (int j = 0; j < width; j++) buffer.putDouble(outputs[j]);
        rows++;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) channel.write(buffer);
        buffer.clear();
    }

    /** Makes every row added so far readable; call once, after the last {@link #add}. */
    void finish() throws IOException {
        flush();
    }

    /** Every value of output {@code j} that is a number (a missing one, NaN, is skipped), in run order. */
    void forEach(int j, ExactQuantiles.DoubleSink sink) throws IOException {
        long rowBytes = (long) width * Double.BYTES;
        long rowsPerSegment = Math.max(1, SEGMENT / rowBytes);
        for (long first = 0; first < rows; first += rowsPerSegment) {
            long n = Math.min(rowsPerSegment, rows - first);
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, first * rowBytes, n * rowBytes);
            map.order(ByteOrder.LITTLE_ENDIAN);
            for (long r = 0; r < n; r++) {
                double x = map.getDouble((int) (r * rowBytes) + j * Double.BYTES);
                if (!Double.isNaN(x)) sink.accept(x);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
