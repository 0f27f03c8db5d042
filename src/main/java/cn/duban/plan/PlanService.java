package cn.duban.plan;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.duban.system.ApiException;
import cn.duban.workflow.ItemHistory;
import cn.duban.workflow.ItemHistory.Action;

/** Importing a plan document into the ledger and launching supervision of its items. */
@Service
public class PlanService {

    public static final String PROCESS = "task-supervision";

    public record ImportResult(long planId, int items, String title, int year, List<String> warnings) {}

    public record LaunchResult(long planId, int started) {}

    private final PlanStore store;
    private final RuntimeService runtime;
    private final ItemHistory history;

    public PlanService(PlanStore store, RuntimeService runtime, ItemHistory history) {
        this.store = store;
        this.runtime = runtime;
        this.history = history;
    }

    /** Parses and stores a plan, all or nothing; a document without any item is refused. */
    @Transactional
    public ImportResult importPlan(byte[] content, String sourceName, Integer year, String user) {
        if (year != null && (year < 2000 || year > 2100)) {
            throw ApiException.badRequest("年份 (year) 无效: " + year);
        }
        ParsedPlan plan = PlanParser.parse(decode(content), year);
        if (plan.items().isEmpty()) {
            throw ApiException.badRequest("未识别到任何工作任务: 请确认文件是带编号事项的工作要点或分工方案");
        }
        long planId = store.insertPlan(plan, sourceName, user);
        for (Item item : store.items(planId)) {
            history.record(item.id(), user, null, Action.IMPORTED, null, sourceName);
        }
        return new ImportResult(planId, plan.items().size(), plan.title(), plan.year(), plan.warnings());
    }

    /** Starts one supervision process per item, all in one transaction: every item starts or none does. */
    @Transactional
    public LaunchResult launch(long planId, String user) {
        PlanRecord plan = store.plan(planId).orElseThrow(() -> ApiException.notFound("计划不存在: " + planId));
        if (plan.status() == PlanRecord.Status.LAUNCHED) {
            throw ApiException.conflict("计划已启动: " + planId);
        }
        List<Item> items = store.items(planId);
        for (Item item : items) {
            history.record(item.id(), user, null, Action.LAUNCHED, null, null);
            String instance = runtime.startProcessInstanceByKey(PROCESS, String.valueOf(item.id()),
                    Map.of("itemId", item.id())).getId();
            store.launched(item.id(), instance);
        }
        store.setPlanStatus(planId, PlanRecord.Status.LAUNCHED);
        return new LaunchResult(planId, items.size());
    }

    /** Text as UTF-8 (with or without BOM), else GB18030 as older government sites publish it. */
    static String decode(byte[] content) {
        if (content.length == 0) {
            throw ApiException.badRequest("文件为空");
        }
        for (byte b : content) {
            if (b == 0) {
                throw ApiException.badRequest("暂只支持纯文本格式的计划文件");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("GB18030"));
        }
    }
}
