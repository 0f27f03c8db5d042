package cn.duban.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.duban.org.OrgDirectory;
import cn.duban.org.UserAccount;
import cn.duban.plan.Item;
import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.security.AuditLog;
import cn.duban.security.Caller;
import cn.duban.system.ApiException;
import cn.duban.system.Links;
import cn.duban.system.Today;
import cn.duban.workflow.Extensions;
import cn.duban.workflow.ItemHistory;
import cn.duban.workflow.ItemHistory.Action;
import cn.duban.workflow.ProgressReports;

/**
 * The ledger (工作台账) as a workbook in the familiar 分工方案 layout, one sheet per plan, and back: the office edits
 * 进展情况 and 完成状态 offline and imports the sheet; the import previews the changes and conflicts before applying.
 */
@Service
public class LedgerWorkbook {

    static final String[] HEADER = {"序号", "工作任务", "具体要求", "牵头单位", "责任单位", "完成时限", "进展情况", "完成状态",
            "佐证材料", "次数要求", "事项ID"};
    static final int DEADLINE = 5;
    static final int PROGRESS = 6;
    static final int STATUS = 7;
    static final int EVIDENCE = 8;
    static final int ID = 10;

    /** One difference between an imported row and the ledger; {@code applied} false for a conflict. */
    public record Change(String sheet, int row, Long itemId, String number, String field, String before, String after,
                         boolean applied, String note) {}

    /** What an import found; {@code applied} tells whether the changes were made or only previewed. */
    public record ImportResult(boolean applied, int changes, int conflicts, List<Change> rows) {}

    private final PlanStore plans;
    private final ProgressReports reports;
    private final OrgDirectory directory;
    private final ItemHistory history;
    private final RuntimeService runtime;

    private final AuditLog audit;
    private final Caller caller;
    private final Today today;
    private final Extensions extensions;

    public LedgerWorkbook(PlanStore plans, ProgressReports reports, OrgDirectory directory, ItemHistory history,
                          RuntimeService runtime, AuditLog audit, Caller caller, Today today, Extensions extensions) {
        this.extensions = extensions;
        this.audit = audit;
        this.caller = caller;
        this.today = today;
        this.plans = plans;
        this.reports = reports;
        this.directory = directory;
        this.history = history;
        this.runtime = runtime;
    }

    /**
     * The ledger of a plan, or of every launched plan, for the caller: a unit user gets only its own units' rows, and
     * may not ask for another unit's.
     */
    public Download export(Long plan, String unit) throws IOException {
        UserAccount user = caller.current();
        List<PlanRecord> chosen = plan == null
                ? plans.plans().stream().filter(p -> p.status() == PlanRecord.Status.LAUNCHED).toList()
                : List.of(plans.plan(plan).orElseThrow(() -> ApiException.notFound("计划 " + plan + " 不存在")));
        java.util.Set<String> units = unit == null ? null : java.util.Set.of(unit);
        if (!user.seesAll()) {
            if (unit != null && !user.units().contains(unit)) {
                throw ApiException.forbidden("只能导出本单位的台账");
            }
            units = unit == null ? java.util.Set.copyOf(user.units()) : units;
        }
        return new Download(Download.XLSX, "工作台账.xlsx", export(chosen, units, today.date()));
    }

    /** The ledger of the plans (each its own sheet), optionally only the items of some units. */
    private byte[] export(List<PlanRecord> planList, java.util.Set<String> units, LocalDate today) throws IOException {
        // streamed: only a window of rows is held in memory, the rest is written to a temporary file as it goes; the
        // texts in a shared-strings table, as Excel writes them (a tool that edits an inline string may not update it)
        SXSSFWorkbook book = new SXSSFWorkbook(null, SXSSFWorkbook.DEFAULT_WINDOW_SIZE, false, true);
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle head = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            head.setFont(bold);
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(true);
            for (PlanRecord plan : planList) {
                String name = WorkbookUtil.createSafeSheetName(plan.title());
                Sheet sheet = sheet(book, book.getSheet(name) == null ? name
                        : WorkbookUtil.createSafeSheetName(plan.id() + " " + plan.title()), head);
                int r = 1;
                java.util.function.Function<Item, String[]> rows = rows(plan.id(), today);
                for (Item item : plans.items(plan.id())) {
                    if (units != null && directory.resolveAll(item.namedUnits()).stream().noneMatch(units::contains)) {
                        continue;
                    }
                    String[] cells = rows.apply(item);
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < cells.length; c++) {
                        row.createCell(c).setCellValue(cells[c]);
                        row.getCell(c).setCellStyle(wrap);
                    }
                    row.getCell(ID).setCellValue(item.id());
                }
                sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, HEADER.length - 2));
            }
            if (planList.isEmpty()) {
                sheet(book, "工作台账", head);
            }
            book.write(out);
            return out.toByteArray();
        } finally {
            book.dispose(); // its temporary files
        }
    }

    /** A ledger sheet with its header row, frozen, the columns sized and the item id hidden. */
    private static Sheet sheet(SXSSFWorkbook book, String name, CellStyle head) {
        Sheet sheet = book.createSheet(name);
        Row header = sheet.createRow(0);
        for (int c = 0; c < HEADER.length; c++) {
            header.createCell(c).setCellValue(HEADER[c]);
            header.getCell(c).setCellStyle(head);
        }
        sheet.createFreezePane(0, 1);
        int[] widths = {10, 30, 50, 16, 24, 14, 40, 12, 30, 20, 8};
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        sheet.setColumnHidden(ID, true);
        return sheet;
    }

    /**
     * A ledger row as the sheet shows it; {@code extended}: the item's approved extensions by unit, whose dates the
     * deadline shows and against which its status counts.
     */
    /** The ledger rows of a plan's items ({@link #row}), the plan's reports, notes and extensions read once. */
    java.util.function.Function<Item, String[]> rows(long planId, LocalDate today) {
        Map<Long, Map<String, Extensions.Extension>> extended = extensions.approved(planId);
        Map<Long, List<ProgressReports.Report>> all = reports.ofPlan(planId);
        Map<Long, String> notes = plans.progressNotes(planId);
        return item -> row(item, today, extended.getOrDefault(item.id(), Map.of()), all.getOrDefault(item.id(), List.of()),
                notes.get(item.id()));
    }

    String[] row(Item item, LocalDate today, Map<String, Extensions.Extension> extended, List<ProgressReports.Report> all,
                 String note) {
        String progress = note != null ? note : String.join("\n", all.stream()
                .filter(r -> r.decision() != ProgressReports.Decision.RETURN)
                .map(r -> directory.unit(r.unit()).map(cn.duban.org.Unit::name).orElse(r.unit()) + ": " + r.summary()
                        + " (" + r.percent() + "%)").toList());
        String evidence = String.join("\n", all.stream().flatMap(r -> r.evidence().stream()).distinct().toList());
        String quota = String.join("\n", ProgressReports.quotas(item, all).stream().map(ProgressReports.Quota::text).toList());
        return new String[] {String.join("/", item.path()), item.title(), item.text(), String.join("、", item.leadUnits()),
                String.join("、", item.responsibleUnits()),
                (item.deadline().due() == null ? "" : item.deadline().due() + " ") + (item.deadline().raw() == null ? "" : item.deadline().raw())
                        + (extended.isEmpty() ? "" : "\n" + Extensions.extendedText(extended,
                                u -> directory.unit(u).map(cn.duban.org.Unit::name).orElse(u))),
                progress, status(item, today, Extensions.itemDue(item.deadline().due(),
                        item.asParsed().executingUnits(directory::resolveAll), extended)),
                evidence, quota, String.valueOf(item.id())};
    }

    /** The item's status against {@code due}: its due date, or the earliest of its units' extended ones. */
    static String status(Item item, LocalDate today, LocalDate due) {
        return switch (item.status()) {
            case DRAFT -> "未启动";
            case COMPLETED -> due != null && item.completedAt() != null
                    && item.completedAt().atZone(java.time.ZoneId.systemDefault()).toLocalDate().isAfter(due)
                    ? "已办结(逾期)" : "已办结";
            case OPEN -> due != null && today.isAfter(due) ? "逾期未办结" : "办理中";
        };
    }

    /**
     * Reads an edited ledger: every 进展情况 and 完成状态 that differs from the ledger is a change; a row whose item no
     * longer exists, or a status the workflow cannot take (only 办理中 → 已办结 closes an item), is a conflict and
     * is never applied. So is an edited 佐证材料: units hand in evidence with their reports, and a link that is not
     * http(s) is named. With {@code apply} the changes are made, by the caller, all in one transaction.
     */
    @Transactional
    public ImportResult importLedger(byte[] content, boolean apply) {
        String user = caller.current().username();
        LocalDate today = this.today.date();
        List<Change> changes = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            for (Sheet sheet : book) {
                Row header = sheet.getRow(0);
                if (header == null || !"序号".equals(format.formatCellValue(header.getCell(0)))
                        || !"事项ID".equals(format.formatCellValue(header.getCell(ID)))) {
                    throw ApiException.badRequest("工作表「" + sheet.getSheetName() + "」不是本系统导出的台账 (表头不符)");
                }
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    if (row == null) {
                        continue;
                    }
                    String id = format.formatCellValue(row.getCell(ID)).strip();
                    String number = format.formatCellValue(row.getCell(0));
                    Optional<Item> item = id.matches("\\d+") ? plans.item(Long.parseLong(id)) : Optional.empty();
                    if (item.isEmpty()) {
                        changes.add(new Change(sheet.getSheetName(), r + 1, null, number, "事项", null, null, false,
                                "事项已不存在, 未导入"));
                        continue;
                    }
                    String[] now = row(item.get(), today, extensions.approvedOf(item.get().id()), reports.of(item.get().id()),
                            plans.progressNote(item.get().id()).orElse(null));
                    String progress = format.formatCellValue(row.getCell(PROGRESS)).strip();
                    String status = format.formatCellValue(row.getCell(STATUS)).strip();
                    if (!progress.equals(now[PROGRESS].strip())) {
                        changes.add(new Change(sheet.getSheetName(), r + 1, item.get().id(), number, "进展情况", now[PROGRESS],
                                progress, true, null));
                        if (apply) {
                            plans.setProgressNote(item.get().id(), progress);
                            history.record(item.get().id(), user, null, Action.LEDGER_EDITED, null, "进展情况: " + progress);
                        }
                    }
                    String evidence = format.formatCellValue(row.getCell(EVIDENCE)).strip();
                    if (!evidence.equals(now[EVIDENCE].strip())) {
                        changes.add(new Change(sheet.getSheetName(), r + 1, item.get().id(), number, "佐证材料", now[EVIDENCE],
                                evidence, false, evidence.lines().map(String::strip).filter(l -> !l.isEmpty() && !Links.isWeb(l))
                                .findFirst().map(Links::refusal).orElse("佐证材料由责任单位随报送提交, 台账导入不修改")));
                    }
                    if (!status.equals(now[STATUS])) {
                        boolean closes = item.get().status() == Item.Status.OPEN && status.startsWith("已办结");
                        changes.add(new Change(sheet.getSheetName(), r + 1, item.get().id(), number, "完成状态", now[STATUS],
                                status, closes, closes ? null : "台账只能将办理中的事项标为已办结; 其他状态请在流程中办理"));
                        if (apply && closes) {
                            close(item.get(), user);
                        }
                    }
                }
            }
        } catch (IOException | org.apache.poi.ooxml.POIXMLException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw ApiException.badRequest("无法读取台账文件: 请上传本系统导出的 .xlsx");
        }
        if (apply) {
            changes.stream().filter(Change::applied).forEach(c -> audit.record("LEDGER_IMPORTED", "item:" + c.itemId(),
                    Map.of(c.field(), String.valueOf(c.before())), Map.of(c.field(), String.valueOf(c.after()))));
        }
        int conflicts = (int) changes.stream().filter(r -> !r.applied()).count();
        return new ImportResult(apply, changes.size() - conflicts, conflicts, changes);
    }

    /** The office closes an item from the ledger: its process ends and the item is completed. */
    private void close(Item item, String user) {
        if (item.processInstanceId() != null && runtime.createProcessInstanceQuery()
                .processInstanceId(item.processInstanceId()).count() > 0) {
            runtime.deleteProcessInstance(item.processInstanceId(), "台账导入: 办结", false);
        }
        plans.completed(item.id(), Instant.now());
        history.record(item.id(), user, null, Action.CLOSED, null, "台账导入标为已办结");
    }
}
