package dev.marquee.launcher.bench;

/** One fault the chaos bench injects; returns once it is injected (a restart: once the server is back). */
record Fault(String name, Injection injection) {

    @FunctionalInterface
    interface Injection {
        /** @return the process to wait for until it is ready again, or null */
        ServiceProcess inject() throws Exception;
    }
}
