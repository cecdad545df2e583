package dev.marquee.support.ids;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** One generator process of {@link ConcurrentProcessIdsTest}: waits for the common start, writes its ids in order. */
final class IdWriter {

    private IdWriter() {
    }

    /** @param args the output file, how many ids, the epoch millisecond at which every process starts */
    public static void main(String[] args) throws IOException, InterruptedException {
        int count = Integer.parseInt(args[1]);
        long startAt = Long.parseLong(args[2]);
        TimeOrderedIds ids = TimeOrderedIds.shared();
        ids.next(); // load and seed before the common start
        Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(Path.of(args[0])),
                1 << 16))) {
            for (int i = 0; i < count; i++) {
                UUID id = ids.next();
                out.writeLong(id.getMostSignificantBits());
                out.writeLong(id.getLeastSignificantBits());
            }
        }
    }
}
