package listenersamples;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.data.repository.CrudRepository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Small listeners for ArchitectureTest's listener rule: four that write, each in its own way, and one that does not.
 * Outside se.stegvis, so that neither JPA nor Spring's scanning of the application picks them up.
 */
public final class ListenerSamples {

    private ListenerSamples() {}

    @jakarta.persistence.Entity
    public static class Record {
        @jakarta.persistence.Id
        Long id;
        boolean open = true;

        boolean isOpen() {
            return open;
        }

        void close() {
            open = false;
        }
    }

    public interface Records extends CrudRepository<Record, Long> {}

    public static class Service {
        @Transactional(readOnly = true)
        boolean exists(String id) {
            return id != null;
        }

        @Transactional
        void approve(String id) {
        }

        void registerSomething(String id) {
        }
    }

    public static class SavesThroughARepository implements TaskListener {
        Records records;

        @Override
        public void notify(DelegateTask task) {
            records.save(new Record());
        }
    }

    public static class CallsAWriteMethod implements TaskListener {
        Service service;

        @Override
        public void notify(DelegateTask task) {
            service.registerSomething(task.getId());
        }
    }

    public static class CallsAWritingService implements TaskListener {
        Service service;

        @Override
        public void notify(DelegateTask task) {
            service.approve(task.getId());
        }
    }

    public static class ChangesAnEntity implements TaskListener {
        Record record;

        @Override
        public void notify(DelegateTask task) {
            record.close();
        }
    }

    public static class OnlyValidatesAndPrefills implements TaskListener {
        Service service;
        Record record;

        @Override
        public void notify(DelegateTask task) {
            if (!service.exists(task.getId()) || !record.isOpen()) {
                throw new IllegalArgumentException("refused");
            }
            task.setVariableLocal("shown", "text");
        }
    }
}
