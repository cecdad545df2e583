package dev.marquee.orderapi.catalog.imports.xlsx;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The entries of a zip archive, read once in the order they are stored, within a budget: at most so many entries and
 * so many bytes unpacked in all, every byte counted (also those of entries nobody reads, which are drained through
 * the same count), so that a zip bomb ends in an {@link IOException} after the budget, not after the disk or the
 * heap. An entry name stored twice is refused: which copy a reader would take is not defined.
 */
public final class ZipParts {

    /** What reads one entry; the stream ends with the entry and must not be closed. */
    public interface Reader {
        void read(String name, InputStream content) throws IOException;
    }

    private ZipParts() {
    }

    public static void each(byte[] zip, long maxBytes, int maxEntries, Reader reader) throws IOException {
        Set<String> names = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            Budget budget = new Budget(in, maxBytes);
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (names.size() == maxEntries) {
                    throw new IOException("the archive has more than " + maxEntries + " entries");
                }
                if (!names.add(entry.getName())) {
                    throw new IOException("the archive holds " + entry.getName() + " twice");
                }
                if (!entry.isDirectory()) {
                    reader.read(entry.getName(), budget);
                }
                budget.drain();
            }
        } catch (IllegalArgumentException e) {
            // ZipInputStream's answer to an entry name that is not UTF-8
            throw new IOException("not a readable zip archive: " + e.getMessage(), e);
        }
    }

    /** The current entry's bytes, counted against what the whole archive may unpack to; closing it does nothing. */
    private static final class Budget extends FilterInputStream {

        private final long max;
        private long read;

        Budget(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return n <= 0 ? 0 : Math.max(0, read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192)));
        }

        /** Reads the rest of the entry (counted), so that an entry nobody reads cannot unpack unbounded. */
        void drain() throws IOException {
            byte[] buffer = new byte[8192];
            while (read(buffer, 0, buffer.length) >= 0) {
                // counted in read
            }
        }

        @Override
        public void close() {
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > max) {
                throw new IOException("the archive unpacks to more than " + max / 1024 / 1024 + " MB");
            }
        }
    }
}
