package dev.marquee.orderapi.order;

import java.util.function.Supplier;

/**
 * Finish what was accepted before accepting more: where the edge's request threads run at a low priority (a shared
 * machine, see {@code EdgePriority}), the write of an order that passed every check runs at normal priority, like
 * the relay and the allocator that take it from there. Deciding to refuse stays cheap and low; accepting is work
 * the system has committed to. So is a cancellation's time under a hall's lock: other services wait for that lock,
 * and a low-priority holder would make them wait on the OS's least favoured thread (a priority inversion).
 */
final class AcceptedWork {

    private AcceptedWork() {
    }

    static <T> T atNormalPriority(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        int priority = thread.getPriority();
        if (priority >= Thread.NORM_PRIORITY) {
            return work.get();
        }
        thread.setPriority(Thread.NORM_PRIORITY);
        try {
            return work.get();
        } finally {
            thread.setPriority(priority);
        }
    }
}
