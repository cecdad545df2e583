package dev.marquee.launcher;

import java.util.Map;

import dev.marquee.stack.EmbeddedStack;

/** One embedded stack and one pipeline for every integration test of this JVM, stopped at exit, services first. */
final class SharedPipeline {

    private static Pipeline pipeline;

    private SharedPipeline() {
    }

    static synchronized Pipeline get() {
        if (pipeline == null) {
            EmbeddedStack stack = EmbeddedStack.shared();
            pipeline = Pipeline.start(stack.properties(), Map.of(), Map.of());
            stack.closeFirst(pipeline);
        }
        return pipeline;
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + get().port("order-api");
    }
}
