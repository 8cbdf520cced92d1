package org.district.pd.plan.worker;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The threads of this service's own jobs: one each, named, never keeping the process alive. */
public final class WorkerThreads {

    private WorkerThreads() {
    }

    /** A single worker thread called {@code name}: the job's steps run there in order, off the event loop. */
    public static ExecutorService single(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
