package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.duban.plan.parse.Deadline.Frequency;
import cn.duban.plan.parse.Deadline.Kind;
import cn.duban.plan.parse.ParsedPlan.ParsedItem;
import cn.duban.rules.Periods;
import cn.duban.rules.Periods.Period;

/** Every deadline form the parser reads, in sentences and cells written here, for a 2025 plan. */
class DeadlinesTest {

    private static final int YEAR = 2025;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2025年6月30日          | DATE     | 2025-06-30
            6月30日                | DATE     | 2025-06-30
            6月30日前              | DATE     | 2025-06-30
            2025-10-31             | DATE     | 2025-10-31
            2025.9.30              | DATE     | 2025-09-30
            2025/9/30              | DATE     | 2025-09-30
            2025年6月              | DATE     | 2025-06-30
            2025年6月底前          | DATE     | 2025-06-30
            6月                    | DATE     | 2025-06-30
            6月前                  | DATE     | 2025-05-31
            2025年8月前            | DATE     | 2025-07-31
            6月中旬前              | DATE     | 2025-06-20
            上半年                 | DATE     | 2025-06-30
            下半年                 | DATE     | 2025-12-31
            2026年上半年           | DATE     | 2026-06-30
            三季度                 | DATE     | 2025-09-30
            年底前                 | YEAR_END | 2025-12-31
            2025年底前             | YEAR_END | 2025-12-31
            2026年底前             | DATE     | 2026-12-31
            2026年前               | YEAR_END | 2025-12-31
            2027年前               | DATE     | 2026-12-31
            第三季度               | DATE     | 2025-09-30
            三季度末前             | DATE     | 2025-09-30
            年度内                 | YEAR_END | 2025-12-31
            年内                   | YEAR_END | 2025-12-31
            长期坚持               | ONGOING  | 2025-12-31
            长期                   | ONGOING  | 2025-12-31
            常态化                 | ONGOING  | 2025-12-31
            持续开展               | ONGOING  | 2025-12-31
            """)
    void aDeadlineCellInEveryForm(String cell, Kind kind, LocalDate due) {
        Deadline d = Deadlines.of(cell, "完善工作制度", YEAR);
        assertThat(d.kind()).isEqualTo(kind);
        assertThat(d.due()).isEqualTo(due);
        assertThat(d.frequency()).isNull();
        assertThat(d.milestones()).isEmpty();
        assertThat(d.raw()).isEqualTo(cell);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            每月报送工作进展                 | MONTHLY
            按季度通报落实情况               | QUARTERLY
            每半年报送一次进展情况           | HALF_YEARLY
            栏目内容年度更新                 | YEARLY
            相关信息及时更新                 | ASAP
            """)
    void recurringPhrases(String text, Frequency frequency) {
        Deadline d = Deadlines.of(null, text, YEAR);
        assertThat(d.kind()).isEqualTo(Kind.RECURRING);
        assertThat(d.due()).isEqualTo(LocalDate.of(YEAR, 12, 31));
        assertThat(d.frequency()).isEqualTo(frequency);
        assertThat(d.milestones()).isEmpty();
    }

    /** A period word: 每/按 (分 only with 月/季度) + a period, or 月度/季度/半年度/年度 + a recurring task. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            每个月通报整改进展                 | MONTHLY     | 每个月
            每月底前报送统计数据               | MONTHLY     | 每月
            每季度末通报检查结果               | QUARTERLY   | 每季度
            分月调度重点任务推进情况           | MONTHLY     | 分月
            月度通报网站检查结果               | MONTHLY     | 月度通报
            每季度开展一次网站抽查             | QUARTERLY   | 每季度
            分季度报送工作台账                 | QUARTERLY   | 分季度
            做好政务新媒体季度检查             | QUARTERLY   | 季度检查
            按半年报送落实情况                 | HALF_YEARLY | 按半年
            公开目录半年度更新                 | HALF_YEARLY | 半年度更新
            每年开展一次自查                   | YEARLY      | 每年
            按年度公开财政资金使用情况         | YEARLY      | 按年度
            开展年度检查并通报                 | YEARLY      | 年度检查
            """)
    void periodWordsOfEveryFamily(String text, Frequency frequency, String raw) {
        Deadline d = Deadlines.of(null, text, YEAR);
        assertThat(d.kind()).isEqualTo(Kind.RECURRING);
        assertThat(d.frequency()).isEqualTo(frequency);
        assertThat(d.raw()).isEqualTo(raw);
        assertThat(d.due()).isEqualTo(LocalDate.of(YEAR, 12, 31));
    }

    @Test
    void theFinestPeriodOfAnItemIsHowOftenItReports() {
        assertThat(Deadlines.of(null, "每年召开一次专题会议,每季度通报工作进展", YEAR).frequency()).isEqualTo(Frequency.QUARTERLY);
    }

    @Test
    void wordsOfAPeriodThatNameNoRecurringTask() {
        assertDeadline(Deadlines.of(null, "第三季度完成公开平台迁移", YEAR), Kind.DATE, "2025-09-30");
        assertDeadline(Deadlines.of(null, "三季度末前完成季度检查整改", YEAR), Kind.DATE, "2025-09-30");
        assertDeadline(Deadlines.of(null, "一季度启动目录编制", YEAR), Kind.DATE, "2025-03-31");
        assertDeadline(Deadlines.of(null, "年度内完成全部栏目整合", YEAR), Kind.YEAR_END, "2025-12-31");
        for (String text : List.of("做好年度报告工作", "按年度计划推进档案数字化", "分年度实施公开平台改造",
                "公开上年度决算信息", "完成2025年度考核", "按年初部署完成清理", "本年度更新办事指南")) {
            assertThat(Deadlines.of(null, text, YEAR).kind()).as(text).isEqualTo(Kind.NONE);
        }
    }

    @Test
    void aCountPerPeriodRecursAtThatPeriodAndACountWithinTheYearIsDueAtItsEnd() {
        Deadline yearly = Deadlines.of(null, "各镇每年组织政务公开培训不少于2次", YEAR);
        assertThat(yearly.kind()).isEqualTo(Kind.RECURRING);
        assertThat(yearly.frequency()).isEqualTo(Frequency.YEARLY);
        assertThat(Deadlines.of(null, "每季度至少开展1次专项巡查", YEAR).frequency()).isEqualTo(Frequency.QUARTERLY);
        assertDeadline(Deadlines.of(null, "年内至少开展1次应急演练", YEAR), Kind.YEAR_END, "2025-12-31");
        assertDeadline(Deadlines.of(null, "每季度至少开展1次巡查,9月底前完成首轮", YEAR), Kind.DATE, "2025-09-30");
        assertThat(Requirements.of("分季度至少通报1次,按月不少于2次")).containsExactly(
                new Requirement(1, Requirement.Per.QUARTER), new Requirement(2, Requirement.Per.MONTH));
        assertThat(Requirements.of("年度内至少开展1次演练")).containsExactly(new Requirement(1, Requirement.Per.YEAR));
    }

    @Test
    void theYearBeforeANextYearIsThePlanYearsEndLikeItsYearEnd() {
        Deadline before = Deadlines.of(null, "2026年前完成平台整合", YEAR);
        assertDeadline(before, Kind.YEAR_END, "2025-12-31");
        assertThat(before.raw()).isEqualTo("2026年前");
        assertThat(Deadlines.of(null, "2025年底前完成平台整合", YEAR).kind()).isEqualTo(before.kind());
        assertDeadline(Deadlines.of(null, "2027年之前完成平台整合", YEAR), Kind.DATE, "2026-12-31");
    }

    @Test
    void aCellIsADeadlineWhateverThePlanYear() {
        for (String cell : List.of("6月30日前", "年底前", "每季度", "常态化开展", "长期", "2026年前")) {
            assertThat(Deadlines.isDeadline(cell)).as(cell).isTrue();
        }
        for (String cell : List.of("县财政局", "完善公开目录", "做好年度报告工作")) {
            assertThat(Deadlines.isDeadline(cell)).as(cell).isFalse();
        }
    }

    @Test
    void aDateInTheTextIsDueWithOrWithoutBefore() {
        assertDeadline(Deadlines.of(null, "建成统一的公开平台,2025年10月31日完成上线", YEAR), Kind.DATE, "2025-10-31");
        assertDeadline(Deadlines.of(null, "编制公开事项清单,于2025-07-15报送审核", YEAR), Kind.DATE, "2025-07-15");
        assertDeadline(Deadlines.of(null, "修订工作规则,2025年9月完成报批", YEAR), Kind.DATE, "2025-09-30");
    }

    @Test
    void aDateFromWhichSomethingStartsIsNoDeadline() {
        assertDeadline(Deadlines.of(null, "新办法自2025年3月1日起施行,年底前完成存量文件清理", YEAR), Kind.YEAR_END, "2025-12-31");
    }

    @Test
    void severalDatesTheLastIsDueTheOthersAreMilestones() {
        assertDeadline(Deadlines.of(null, "3月底前制定方案,6月底前开展试点,9月底前全面推开", YEAR),
                Kind.DATE, "2025-09-30", "2025-03-31", "2025-06-30");
        assertDeadline(Deadlines.of(null, "一季度启动调研,上半年形成报告", YEAR), Kind.DATE, "2025-06-30", "2025-03-31");
        assertDeadline(Deadlines.of(null, "6月底前印发实施方案,年底前完成全部整改", YEAR), Kind.YEAR_END, "2025-12-31", "2025-06-30");
        assertDeadline(Deadlines.of("2025年4月30日、2025年11月30日", "分两批公布名录", YEAR),
                Kind.DATE, "2025-11-30", "2025-04-30");
    }

    @Test
    void aDeadlineCellWinsOverTheTextWhoseDatesBecomeMilestones() {
        assertDeadline(Deadlines.of("12月31日前", "8月底前完成初稿,10月底前征求意见", YEAR),
                Kind.DATE, "2025-12-31", "2025-08-31", "2025-10-31");
        Deadline ongoing = Deadlines.of("长期坚持", "9月底前完成首轮检查", YEAR);
        assertDeadline(ongoing, Kind.ONGOING, "2025-12-31", "2025-09-30");
        assertThat(ongoing.raw()).isEqualTo("长期坚持");
    }

    @Test
    void aDeadlineNoteInsideTheUnitParentheticalIsTheItemsDeadlineCell() {
        String plan = """
                试验区2023年政务公开工作要点
                1.公开权责清单,相关信息及时更新。(牵头单位:区司法局,责任单位:区政府各部门,完成时限:长期坚持)
                2.编制公开指南,8月底前形成初稿。(责任单位:区政府办公室;时限要求:2023年9月30日)
                """;
        List<ParsedItem> items = PlanParser.parse(plan.getBytes(StandardCharsets.UTF_8), null).items();
        assertDeadline(items.get(0).deadline(), Kind.ONGOING, "2023-12-31");
        assertThat(items.get(0).deadline().raw()).isEqualTo("长期坚持");
        assertThat(items.get(0).leadUnits()).containsExactly("区司法局");
        assertThat(items.get(0).responsibleUnits()).containsExactly("区政府各部门");
        assertDeadline(items.get(1).deadline(), Kind.DATE, "2023-09-30", "2023-08-31");
        assertThat(items.get(1).responsibleUnits()).containsExactly("区政府办公室");
    }

    @Test
    void anOngoingPhraseInMidSentenceDoesNotMakeADatedTaskOngoing() {
        assertDeadline(Deadlines.of(null, "持续推进公开标准化建设,9月底前完成目录编制", YEAR), Kind.DATE, "2025-09-30");
        assertDeadline(Deadlines.of(null, "结合持续推进营商环境改革,2025年10月31日完成平台上线", YEAR), Kind.DATE, "2025-10-31");
        assertThat(Deadlines.of(null, "在持续推进标准化建设的基础上,完善事项目录", YEAR).kind())
                .as("持续推进 inside a clause is no requirement of the item").isEqualTo(Kind.NONE);
    }

    /** 持续/常态化/长期/经常性 + a verb opening a clause is the item's own ongoing requirement. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            持续深化财政信息公开,定期公开债务情况       | 持续深化
            持续做好舆情监测和回应                       | 持续做好
            统一发布口径,持续加强新媒体管理             | 持续加强
            持续拓展主动公开的内容                       | 持续拓展
            常态化开展网站巡检                           | 常态化开展
            常态化公开惠民资金发放信息                   | 常态化公开
            经常性开展保密审查                           | 经常性开展
            落实公开责任;持续推动标准目录应用           | 持续推动
            """)
    void anOngoingVerbOpeningAClause(String text, String raw) {
        Deadline d = Deadlines.of(null, text, YEAR);
        assertDeadline(d, Kind.ONGOING, "2025-12-31");
        assertThat(d.raw()).isEqualTo(raw);
    }

    @Test
    void ongoingWordsThatDescribeANounOrSitInsideAClauseAreNoRequirement() {
        for (String text : List.of("常态化疫情防控期间做好信息发布", "完善依申请公开转主动公开的常态化审查机制",
                "常态化审查机制有效运行", "清理不需要长期公开的信息", "落实关于持续整治形式主义的要求",
                "必要时分批、持续开展解读", "持续对公开目录进行评估")) {
            assertThat(Deadlines.of(null, text, YEAR).kind()).as(text).isEqualTo(Kind.NONE);
        }
    }

    @Test
    void aDateOfTheItemOrItsDeadlineCellWinsOverOngoingWords() {
        assertDeadline(Deadlines.of(null, "持续深化目录编制,10月底前完成首轮修订", YEAR), Kind.DATE, "2025-10-31");
        assertDeadline(Deadlines.of(null, "持续做好平台迁移,2026年底前全部完成", YEAR), Kind.DATE, "2026-12-31");
        assertDeadline(Deadlines.of("2026年前", "持续加强政务新媒体管理", YEAR), Kind.YEAR_END, "2025-12-31");
        assertThat(Deadlines.of("每月", "常态化开展网站巡检", YEAR).frequency()).isEqualTo(Frequency.MONTHLY);
    }

    @Test
    void anOngoingRequirementOfTheItemItself() {
        assertDeadline(Deadlines.of(null, "持续推进基层公开规范化建设", YEAR), Kind.ONGOING, "2025-12-31");
        assertDeadline(Deadlines.of(null, "加强公开队伍培训,长期坚持", YEAR), Kind.ONGOING, "2025-12-31");
        assertDeadline(Deadlines.of(null, "整理馆藏目录(市档案馆)常态化推进档案数字化", YEAR), Kind.ONGOING, "2025-12-31");
        assertDeadline(Deadlines.of("常态化推进", "做好信息发布", YEAR), Kind.ONGOING, "2025-12-31");
    }

    @Test
    void anExplicitYearIsKeptAndAnImplausibleOneIsAWarning() {
        String plan = """
                试验县2020年政务公开工作要点
                1.完成档案数字化,2021年底前全部完成。(责任单位:县档案馆)
                2.完成公开目录编制,2011年底前全部完成。(责任单位:县政府办公室)
                3.完成平台升级,2020年底前完成。(责任单位:县大数据中心)
                """;
        ParsedPlan parsed = PlanParser.parse(plan.getBytes(StandardCharsets.UTF_8), null);
        assertThat(parsed.year()).isEqualTo(2020);
        assertDeadline(parsed.items().get(0).deadline(), Kind.DATE, "2021-12-31");
        assertDeadline(parsed.items().get(1).deadline(), Kind.DATE, "2011-12-31");
        assertDeadline(parsed.items().get(2).deadline(), Kind.YEAR_END, "2020-12-31");
        assertThat(parsed.warnings()).filteredOn(w -> w.contains("相差过远")).singleElement().asString()
                .contains("事项 2:").contains("2011年底前");
    }

    @Test
    void excelDateCellsAreDatesNotSerialNumbers() throws IOException {
        ParsedPlan plan = PlanParser.parse(xlsxWithDateCells(), YEAR);
        List<ParsedItem> items = plan.items();
        assertThat(items).hasSize(3);
        assertDeadline(items.get(0).deadline(), Kind.DATE, "2025-06-30");
        assertDeadline(items.get(1).deadline(), Kind.DATE, "2025-10-31");
        assertDeadline(items.get(2).deadline(), Kind.YEAR_END, "2025-12-31");
    }

    @Test
    void aHalfYearlyItemReportsTwiceAYear() {
        Deadline d = Deadlines.of(null, "每半年报送一次进展情况", YEAR);
        assertThat(Periods.of(d, LocalDate.of(YEAR, 1, 1), YEAR)).containsExactly(
                new Period(LocalDate.of(YEAR, 1, 1), LocalDate.of(YEAR, 6, 30)),
                new Period(LocalDate.of(YEAR, 7, 1), LocalDate.of(YEAR, 12, 31)));
    }

    private static void assertDeadline(Deadline d, Kind kind, String due, String... milestones) {
        assertThat(d.kind()).as("kind of %s", d).isEqualTo(kind);
        assertThat(d.due()).as("due of %s", d).isEqualTo(LocalDate.parse(due));
        assertThat(d.frequency()).as("frequency of %s", d).isNull();
        assertThat(d.milestones()).as("milestones of %s", d).extracting(Object::toString).containsExactly(milestones);
    }

    /** An Excel plan whose deadline column holds real date cells, in a US and a Chinese date format. */
    private static byte[] xlsxWithDateCells() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("任务");
            CellStyle us = book.createCellStyle();
            us.setDataFormat((short) 14); // m/d/yy
            CellStyle chinese = book.createCellStyle();
            chinese.setDataFormat(book.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            String[] header = {"序号", "工作任务", "责任单位", "完成时限"};
            Row top = sheet.createRow(0);
            top.createCell(0).setCellValue("样例局2025年重点工作任务");
            Row head = sheet.createRow(1);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            Object[][] rows = {{"1", "编制年度报告", "办公室", LocalDate.of(2025, 6, 30), us},
                    {"2", "更新公开指南", "法规科", LocalDate.of(2025, 10, 31), chinese},
                    {"3", "完成系统迁移", "信息中心", "年底前", null}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 2);
                for (int c = 0; c < 3; c++) {
                    row.createCell(c).setCellValue((String) rows[r][c]);
                }
                if (rows[r][3] instanceof LocalDate date) {
                    row.createCell(3).setCellValue(date);
                    row.getCell(3).setCellStyle((CellStyle) rows[r][4]);
                } else {
                    row.createCell(3).setCellValue((String) rows[r][3]);
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
