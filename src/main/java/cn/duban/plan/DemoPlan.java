package cn.duban.plan;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.duban.system.Folders;
import cn.duban.system.Settings;

/** With {@code duban.demo-plan} set (the demo profile), the first start imports and launches the demo plan. */
@Component
@Order(3)
public class DemoPlan implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPlan.class);

    private final PlanService service;
    private final PlanStore store;
    private final String demoPlan;

    public DemoPlan(PlanService service, PlanStore store, Settings settings) {
        this.service = service;
        this.store = store;
        this.demoPlan = settings.demoPlan();
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (demoPlan.isBlank() || !store.plans().isEmpty()) {
            return;
        }
        try (InputStream in = Folders.resource(demoPlan).getInputStream()) {
            PlanService.ImportResult imported = service.importPlan(in.readAllBytes(), "demo-plan.txt", null, "admin");
            service.launch(imported.planId(), "admin");
            log.info("Demo plan '{}' imported and launched: {} items", imported.title(), imported.items());
        }
    }
}
