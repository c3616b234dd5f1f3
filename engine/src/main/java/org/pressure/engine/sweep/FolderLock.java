package org.pressure.engine.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * An exclusive lock on an output folder for the length of a sweep, held through the operating
 * system (so it ends with the process, however it ends) on a small file in the folder that says
 * which process holds it. A second sweep into the same folder is refused, naming the holder.
 */
final class FolderLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static FolderLock take(Path dir) throws IOException {
        Path file = dir.resolve(SweepRunner.LOCK);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this process, by another sweep running in it
        }
        if (lock == null) {
            ByteBuffer buf = ByteBuffer.allocate(200);
            channel.read(buf, 0);
            channel.close();
            String holder = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
            throw new ScenarioException(Location.ofOption("--out " + dir), "another sweep is writing into this folder"
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + "; wait for it to finish, or choose another --out folder");
        }
        ProcessHandle me = ProcessHandle.current();
        String who = "process " + me.pid() + me.info().startInstant().map(t -> ", started " + t).orElse("");
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
        return new FolderLock(file, channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            java.nio.file.Files.deleteIfExists(file);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
