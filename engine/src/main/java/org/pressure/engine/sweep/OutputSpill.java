package org.pressure.engine.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Every output of every run as raw doubles, row by row, in a temporary file beside runs.csv:
 * what exact percentiles of a sweep too large to hold in memory are selected from, in a few
 * passes per output (see {@link ExactQuantiles}), without reading runs.csv back as text. The
 * file is deleted when the sweep's summaries are done, when the sweep is refused part-way, and
 * when the program is stopped (Ctrl-C); only a killed process can leave it behind.
 */
final class OutputSpill implements AutoCloseable {
    /** How much of the file one read takes. */
    private static final int READ = 1 << 20;

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
        // a sweep stopped with Ctrl-C (to resume later) leaves no spill behind either
        file.toFile().deleteOnExit();
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
        // positional reads into a buffer of this call's own: several outputs may be read at once,
        // and nothing stays mapped (a mapped file cannot be deleted on some systems)
        int rowBytes = width * Double.BYTES;
        ByteBuffer in = ByteBuffer.allocateDirect(Math.max(rowBytes, (READ / rowBytes) * rowBytes)).order(ByteOrder.LITTLE_ENDIAN);
        long end = rows * rowBytes;
        for (long position = 0; position < end; ) {
            in.clear();
            in.limit((int) Math.min(in.capacity(), end - position));
            while (in.hasRemaining()) {
                int n = channel.read(in, position + in.position());
                if (n < 0) throw new IOException("the spilled outputs end early: " + file);
            }
            position += in.limit();
            in.flip();
            for (int r = 0; r < in.limit(); r += rowBytes) {
                double x = in.getDouble(r + j * Double.BYTES);
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
