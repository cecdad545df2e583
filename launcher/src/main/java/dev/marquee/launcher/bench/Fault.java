package dev.marquee.launcher.bench;

/** One fault the chaos bench injects; returns once it is injected (a restart: once the server is back). */
record Fault(String name, Injection injection) {

    @FunctionalInterface
    interface Injection {
        /**
         * @param inEffect to be called the moment the fault hits (the process is dead or stopped, the server is
         *                 going down): recovery and the orders "placed after" count from there
         * @return the process to wait for until it is ready again, or null
         */
        ServiceProcess inject(Runnable inEffect) throws Exception;
    }
}
