package dev.marquee.allocator;

import java.util.List;

import dev.marquee.ledger.Allocation;

/**
 * A rejection's detail, for people, within what the ledger keeps of it ({@link Allocation#DETAIL_LENGTH}
 * characters) and so within what SeatsRejected carries: a listing that does not fit keeps its first items and says
 * how many it left out, e.g. {@code "A2 would be left alone; A4 would be left alone; … and 9 more"}.
 */
final class Detail {

    static final int LENGTH = Allocation.DETAIL_LENGTH;

    private Detail() {
    }

    /** {@code lead} then the items, separated; as many items as fit, then "… and N more". */
    static String listing(String lead, List<String> items, String separator) {
        String all = lead + String.join(separator, items);
        if (all.length() <= LENGTH) {
            return all;
        }
        String fits = null;
        StringBuilder head = new StringBuilder(lead);
        for (int shown = 0; shown < items.size() && head.length() < LENGTH; shown++) {
            String text = head + (shown == 0 ? "" : separator) + "… and " + (items.size() - shown) + " more";
            if (text.length() <= LENGTH) {
                fits = text;
            }
            head.append(shown == 0 ? "" : separator).append(items.get(shown));
        }
        if (fits != null) {
            return fits;
        }
        return Allocation.cut(all, LENGTH);
    }
}
