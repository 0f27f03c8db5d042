package cn.duban.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.system.ApiException;

/** An item's supervision process as drawn, for whoever may see the item: the API's and the item page's one source. */
@Service
public class ItemProcess {

    /** The BPMN XML (with its diagram) of the definition the item's instance runs, and the activities open in it now. */
    public record Drawn(String xml, List<String> active) {}

    private final ItemViews items;
    private final HistoryService history;
    private final RepositoryService repository;
    private final RuntimeService runtime;

    public ItemProcess(ItemViews items, HistoryService history, RepositoryService repository, RuntimeService runtime) {
        this.items = items;
        this.history = history;
        this.repository = repository;
        this.runtime = runtime;
    }

    /** The item's process: 404 when there is no such item or it is not launched, 403 when it is another unit's. */
    public Drawn of(long itemId, UserAccount user) {
        return of(items.visible(itemId, user)).orElseThrow(() -> ApiException.notFound("事项尚未启动督办: " + itemId));
    }

    /** The process of an item the caller may see, once launched; an ended one (办结, closed) has no activity open. */
    Optional<Drawn> of(Item item) {
        if (item.processInstanceId() == null) {
            return Optional.empty();
        }
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(item.processInstanceId()).singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        try (InputStream model = repository.getProcessModel(instance.getProcessDefinitionId())) {
            List<String> active = instance.getEndTime() != null ? List.of()
                    : runtime.getActiveActivityIds(instance.getId()).stream().distinct().toList();
            return Optional.of(new Drawn(new String(model.readAllBytes(), StandardCharsets.UTF_8), active));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
