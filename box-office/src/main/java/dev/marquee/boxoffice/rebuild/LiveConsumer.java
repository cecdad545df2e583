package dev.marquee.boxoffice.rebuild;

/** The live projection's consumer, as a rebuild needs it: stopped from writing while it runs, then started again. */
public interface LiveConsumer {

    /** Returns once the consumer has finished its batch in flight and writes nothing more until resumed. */
    void pause();

    /** Resumes consuming from the offsets stored in the (possibly swapped-in) live tables. */
    void resume();

    /** For a rebuild while the service is not running. */
    static LiveConsumer none() {
        return new LiveConsumer() {
            @Override
            public void pause() {
            }

            @Override
            public void resume() {
            }
        };
    }
}
