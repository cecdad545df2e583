package dev.marquee.orderapi.catalog.imports.xlsx;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /** The names of the archive's entries, from its central directory alone: nothing is unpacked. */
    public static List<String> names(byte[] zip, int maxEntries) throws IOException {
        return directory(zip, maxEntries).stream().map(Entry::name).toList();
    }

    public static void each(byte[] zip, long maxBytes, int maxEntries, Reader reader) throws IOException {
        UnpackBudget budget = new UnpackBudget(maxBytes);
        for (Entry entry : directory(zip, maxEntries)) {
            try {
                read(ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN), entry, budget, reader);
            } catch (IndexOutOfBoundsException | ArithmeticException e) {
                throw new IOException("not a readable zip archive (" + entry.name() + " is not where the directory"
                        + " says)", e);
            }
        }
    }

    /** An entry as the central directory describes it. */
    private record Entry(String name, int flags, int method, long size, long local) {
    }

    private static List<Entry> directory(byte[] zip, int maxEntries) throws IOException {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
            int end = endOfDirectory(bytes);
            long count = bytes.getShort(end + 10) & 0xFFFF;
            long at = bytes.getInt(end + 16) & UNKNOWN;
            if (count == 0xFFFF || at == UNKNOWN) {
                int end64 = Math.toIntExact(bytes.getLong(check(bytes, end - 20, END64_LOCATOR) + 8));
                check(bytes, end64, END64);
                count = bytes.getLong(end64 + 32);
                at = bytes.getLong(end64 + 48);
            }
            if (count < 0 || count > maxEntries) {
                throw new IOException("the archive has more than " + maxEntries + " entries");
            }
            List<Entry> entries = new ArrayList<>();
            Set<String> names = new HashSet<>();
            int record = Math.toIntExact(at);
            for (long i = 0; i < count; i++) {
                Entry entry = entry(bytes, check(bytes, record, DIRECTORY));
                if (!names.add(entry.name())) {
                    throw new IOException("the archive holds " + entry.name() + " twice");
                }
                entries.add(entry);
                record += 46 + (bytes.getShort(record + 28) & 0xFFFF) + (bytes.getShort(record + 30) & 0xFFFF)
                        + (bytes.getShort(record + 32) & 0xFFFF);
            }
            return entries;
        } catch (IndexOutOfBoundsException | ArithmeticException e) {
            throw new IOException("not a readable zip archive (an offset or size points outside it)", e);
        }
    }

    private static Entry entry(ByteBuffer bytes, int record) throws IOException {
        int flags = bytes.getShort(record + 8) & 0xFFFF;
        long size = bytes.getInt(record + 20) & UNKNOWN;
        int nameLength = bytes.getShort(record + 28) & 0xFFFF;
        long local = bytes.getInt(record + 42) & UNKNOWN;
        String name = new String(bytes.array(), record + 46, nameLength,
                (flags & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (size == UNKNOWN || local == UNKNOWN) {
            long[] wide = zip64(bytes, record + 46 + nameLength, bytes.getShort(record + 30) & 0xFFFF,
                    bytes.getInt(record + 24) & UNKNOWN, size, local);
            size = wide[0];
            local = wide[1];
        }
        return new Entry(name, flags, bytes.getShort(record + 10) & 0xFFFF, size, local);
    }

    /** Unpacks one entry through the budget, hands it to the reader unless it is a folder, and drains the rest. */
    private static void read(ByteBuffer bytes, Entry entry, UnpackBudget budget, Reader reader) throws IOException {
        String name = entry.name();
        if ((entry.flags() & 1) != 0) {
            throw new IOException(name + " is encrypted");
        }
        if (entry.method() != 0 && entry.method() != 8) {
            throw new IOException(name + " is compressed with method " + entry.method() + ", not deflate");
        }
        int header = check(bytes, Math.toIntExact(entry.local()), LOCAL);
        int data = header + 30 + (bytes.getShort(header + 26) & 0xFFFF) + (bytes.getShort(header + 28) & 0xFFFF);
        if (entry.size() < 0 || data + entry.size() > bytes.capacity()) {
            throw new IOException(name + " ends past the archive");
        }
        // one byte more for deflate when there is one (the zip's next record), as the JDK's ZipFile gives zlib
        int length = Math.toIntExact(entry.method() == 8 ? Math.min(entry.size() + 1, bytes.capacity() - data)
                : entry.size());
        InputStream stored = new ByteArrayInputStream(bytes.array(), data, length);
        Inflater inflater = new Inflater(true);
        try {
            UnpackBudget.Counted content = budget.counted(entry.method() == 8 ? new InflaterInputStream(stored, inflater)
                    : stored);
            if (!name.endsWith("/")) {
                reader.read(name, content);
            }
            content.drain();
        } finally {
            inflater.end();
        }
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
}
