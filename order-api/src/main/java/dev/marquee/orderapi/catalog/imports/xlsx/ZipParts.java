package dev.marquee.orderapi.catalog.imports.xlsx;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The entries of a zip archive held in memory, found through its central directory (as Excel and POI find them, so
 * that entries whose sizes come after their data, as POI's streaming writer stores them with zip64 sizes, read too)
 * and each unpacked as a stream, within a budget: at most so many entries and so many bytes unpacked in all, every
 * byte counted (also those of entries nobody reads, which are drained through the same count), so that a zip bomb,
 * overlapping entries included, ends in an {@link IOException} after the budget, not after the heap. Encrypted
 * entries, methods other than stored and deflated, and an entry name stored twice are refused.
 */
public final class ZipParts {

    private static final int END = 0x06054b50;
    private static final int END64 = 0x06064b50;
    private static final int END64_LOCATOR = 0x07064b50;
    private static final int DIRECTORY = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final long UNKNOWN = 0xFFFFFFFFL;

    /** What reads one entry; the stream ends with the entry and must not be closed. */
    public interface Reader {
        void read(String name, InputStream content) throws IOException;
    }

    private ZipParts() {
    }

    public static void each(byte[] zip, long maxBytes, int maxEntries, Reader reader) throws IOException {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
            int end = endOfDirectory(bytes);
            long count = bytes.getShort(end + 10) & 0xFFFF;
            long at = bytes.getInt(end + 16) & UNKNOWN;
            if (count == 0xFFFF || at == UNKNOWN) {
                int end64 = (int) bytes.getLong(check(bytes, end - 20, END64_LOCATOR) + 8);
                check(bytes, end64, END64);
                count = bytes.getLong(end64 + 32);
                at = bytes.getLong(end64 + 48);
            }
            if (count > maxEntries) {
                throw new IOException("the archive has more than " + maxEntries + " entries");
            }
            Budget budget = new Budget(maxBytes);
            Set<String> names = new HashSet<>();
            int entry = Math.toIntExact(at);
            for (long i = 0; i < count; i++) {
                entry = read(bytes, check(bytes, entry, DIRECTORY), budget, names, reader);
            }
        } catch (IndexOutOfBoundsException | ArithmeticException e) {
            throw new IOException("not a readable zip archive (an offset or size points outside it)", e);
        }
    }

    /** Reads the entry of the directory record at {@code record}; answers where the next record starts. */
    private static int read(ByteBuffer bytes, int record, Budget budget, Set<String> names, Reader reader)
            throws IOException {
        int flags = bytes.getShort(record + 8) & 0xFFFF;
        int method = bytes.getShort(record + 10) & 0xFFFF;
        long size = bytes.getInt(record + 20) & UNKNOWN;
        int nameLength = bytes.getShort(record + 28) & 0xFFFF;
        int extraLength = bytes.getShort(record + 30) & 0xFFFF;
        int commentLength = bytes.getShort(record + 32) & 0xFFFF;
        long local = bytes.getInt(record + 42) & UNKNOWN;
        String name = new String(bytes.array(), record + 46, nameLength,
                (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (size == UNKNOWN || local == UNKNOWN) {
            long[] wide = zip64(bytes, record + 46 + nameLength, extraLength, bytes.getInt(record + 24) & UNKNOWN,
                    size, local);
            size = wide[0];
            local = wide[1];
        }
        if (!names.add(name)) {
            throw new IOException("the archive holds " + name + " twice");
        }
        if ((flags & 1) != 0) {
            throw new IOException(name + " is encrypted");
        }
        if (method != 0 && method != 8) {
            throw new IOException(name + " is compressed with method " + method + ", not deflate");
        }
        int header = check(bytes, Math.toIntExact(local), LOCAL);
        int data = header + 30 + (bytes.getShort(header + 26) & 0xFFFF) + (bytes.getShort(header + 28) & 0xFFFF);
        if (size < 0 || data + size > bytes.capacity()) {
            throw new IOException(name + " ends past the archive");
        }
        // one byte more for deflate when there is one (the zip's next record), as the JDK's ZipFile gives zlib
        int length = Math.toIntExact(method == 8 ? Math.min(size + 1, bytes.capacity() - data) : size);
        InputStream stored = new ByteArrayInputStream(bytes.array(), data, length);
        Inflater inflater = new Inflater(true);
        try {
            Budget.Entry content = budget.entry(method == 8 ? new InflaterInputStream(stored, inflater) : stored);
            if (!name.endsWith("/")) {
                reader.read(name, content);
            }
            content.drain();
        } finally {
            inflater.end();
        }
        return record + 46 + nameLength + extraLength + commentLength;
    }

    /** The compressed size and local header offset from the zip64 extra field, where the record has 0xFFFFFFFF. */
    private static long[] zip64(ByteBuffer bytes, int extra, int length, long uncompressed, long size, long local)
            throws IOException {
        for (int at = extra; at + 4 <= extra + length; ) {
            int id = bytes.getShort(at) & 0xFFFF;
            int dataLength = bytes.getShort(at + 2) & 0xFFFF;
            if (id == 1) {
                int field = at + 4;
                if (uncompressed == UNKNOWN) {
                    field += 8;
                }
                if (size == UNKNOWN) {
                    size = bytes.getLong(field);
                    field += 8;
                }
                if (local == UNKNOWN) {
                    local = bytes.getLong(field);
                }
                return new long[] {size, local};
            }
            at += 4 + dataLength;
        }
        throw new IOException("a zip64 entry without its sizes");
    }

    private static int endOfDirectory(ByteBuffer bytes) throws IOException {
        for (int at = bytes.capacity() - 22; at >= 0 && at >= bytes.capacity() - 22 - 0xFFFF; at--) {
            if (bytes.getInt(at) == END) {
                return at;
            }
        }
        throw new IOException("not a zip archive (no central directory)");
    }

    private static int check(ByteBuffer bytes, int at, int signature) throws IOException {
        if (at < 0 || at + 4 > bytes.capacity() || bytes.getInt(at) != signature) {
            throw new IOException("not a readable zip archive (a record is not where the directory says)");
        }
        return at;
    }

    /** What the whole archive may unpack to, counted over its entries. */
    private static final class Budget {

        private final long max;
        private long read;

        Budget(long max) {
            this.max = max;
        }

        Entry entry(InputStream in) {
            return new Entry(in);
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > max) {
                throw new IOException("the archive unpacks to more than " + max / 1024 / 1024 + " MB");
            }
        }

        /** One entry's bytes, counted; closing it does nothing. */
        final class Entry extends FilterInputStream {

            Entry(InputStream in) {
                super(in);
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
                int step = (int) Math.min(Math.max(n, 0), 8192);
                return step == 0 ? 0 : Math.max(0, read(new byte[step], 0, step));
            }

            @Override
            public void close() {
            }

            /** Reads the rest of the entry (counted), so that an entry nobody reads cannot unpack unbounded. */
            void drain() throws IOException {
                byte[] buffer = new byte[8192];
                while (read(buffer, 0, buffer.length) >= 0) {
                    // counted in read
                }
            }
        }
    }
}
