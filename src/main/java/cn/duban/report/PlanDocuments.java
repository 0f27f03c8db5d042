package cn.duban.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

import cn.duban.plan.PlanRecord;
import cn.duban.plan.PlanStore;
import cn.duban.security.Caller;
import cn.duban.system.ApiException;
import cn.duban.system.Today;

/** The office's documents on a plan: the annual-report section and the 通报; they cover every unit, so not for units. */
@Service
public class PlanDocuments {

    private final AnnualReport annual;
    private final Notice notice;
    private final PlanStore plans;
    private final Caller caller;
    private final Today today;

    public PlanDocuments(AnnualReport annual, Notice notice, PlanStore plans, Caller caller, Today today) {
        this.annual = annual;
        this.notice = notice;
        this.plans = plans;
        this.caller = caller;
        this.today = today;
    }

    public AnnualReport.Section report(long id) {
        return annual.section(plan(id), today.date());
    }

    public Download reportMarkdown(long id) {
        return new Download(MediaType.parseMediaType("text/markdown;charset=UTF-8"), "工作要点落实情况.md",
                annual.markdown(report(id)).getBytes(StandardCharsets.UTF_8));
    }

    public Download reportDocx(long id) throws IOException {
        return new Download(Download.DOCX, "工作要点落实情况.docx", annual.docx(report(id)));
    }

    /** The 通报 for a period, by default from the start of the plan year to today. */
    public Download notice(long id, LocalDate from, LocalDate to) throws IOException {
        PlanRecord plan = plan(id);
        LocalDate end = to == null ? today.date() : to;
        LocalDate start = from == null ? LocalDate.of(plan.year(), 1, 1) : from;
        if (start.isAfter(end)) {
            throw ApiException.badRequest("起始日期不能晚于截止日期");
        }
        return new Download(Download.DOCX, "督办通报.docx", notice.docx(plan, start, end));
    }

    private PlanRecord plan(long id) {
        if (!caller.current().seesAll()) {
            throw ApiException.forbidden("报告和通报涵盖所有单位, 仅督办人员可以生成");
        }
        return plans.plan(id).orElseThrow(() -> ApiException.notFound("计划 " + id + " 不存在"));
    }
}
