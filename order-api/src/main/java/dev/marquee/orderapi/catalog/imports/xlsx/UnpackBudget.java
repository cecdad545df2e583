package dev.marquee.orderapi.catalog.imports.xlsx;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** What a whole archive may unpack to, counted over its entries: the first byte past it is an IOException. */
final class UnpackBudget {

    private final long max;
    private long read;

    UnpackBudget(long max) {
        this.max = max;
    }

    Counted counted(InputStream in) {
        return new Counted(in);
    }

    private void count(int n) throws IOException {
        read += n;
        if (read > max) {
            throw new IOException("the archive unpacks to more than " + max / 1024 / 1024 + " MB");
        }
    }

    /** One entry's bytes, counted; closing it does nothing. */
    final class Counted extends FilterInputStream {

        Counted(InputStream in) {
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
