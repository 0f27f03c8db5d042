package cn.duban.plan.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.duban.plan.parse.ParsedPlan.ParsedItem;

/**
 * Title, year and the end of the body as web pages print them around a plan: a metadata block naming the year,
 * a title over two lines, a document-sharing site's wrapper before the title, a site footer after the last item.
 */
class MetadataTest {

    private static final String ITEMS = """
            一、深化重点领域公开
            1.及时公开年度预算和决算情况。(牵头单位:县财政局;完成时限:年底前)
            2.做好农村集体资产信息公开。(牵头单位:县农业农村局;完成时限:长期坚持)
            """;

    @Test
    void theYearNamedOnlyInAMetadataTitleLine() {
        ParsedPlan plan = PlanParser.parse("""
                索 引 号: 11330500/2023-00412
                发布机构: 某县农业农村局
                标 题: 某县农业农村局2023年政务公开工作任务清单
                发布日期: 2023-04-12
                政务公开工作任务清单
                """ + ITEMS, null);
        assertThat(plan.year()).isEqualTo(2023);
        assertThat(plan.title()).isEqualTo("某县农业农村局2023年政务公开工作任务清单");
        assertThat(plan.items()).hasSize(2);
    }

    @Test
    void theYearNamedInAMetadataTitleCellOfAPipeRow() {
        ParsedPlan plan = PlanParser.parse("""
                名 称: | 某区市场监管局2022年政务公开工作台账 文 号: |
                发文日期: | 2022年02月18日 |
                """ + ITEMS, null);
        assertThat(plan.year()).isEqualTo(2022);
        assertThat(plan.title()).isEqualTo("某区市场监管局2022年政务公开工作台账");
    }

    @Test
    void theYearNamedOnlyInAPublicationDate() {
        ParsedPlan plan = PlanParser.parse("""
                发布机构: 某镇人民政府
                发布日期: 2024-03-05
                某镇政务公开工作实施方案
                """ + ITEMS, null);
        assertThat(plan.year()).isEqualTo(2024);
        assertThat(plan.title()).isEqualTo("某镇政务公开工作实施方案");
        assertThat(plan.items().get(0).deadline().due()).hasToString("2024-12-31");
    }

    @Test
    void aTitleOverTwoLinesUnderTheOrgan() {
        ParsedPlan plan = PlanParser.parse("""
                各科室、各直属单位:
                现将本局年度政务公开工作要点予以印发,望结合实际抓好落实。
                某市文化旅游局
                2021年3月2日
                某市文化旅游局
                2021年政务公开工作要点
                """ + ITEMS, null);
        assertThat(plan.title()).isEqualTo("某市文化旅游局2021年政务公开工作要点");
        assertThat(plan.year()).isEqualTo(2021);
    }

    @Test
    void aTitleBrokenInTheMiddleOfAWord() {
        ParsedPlan plan = PlanParser.parse("""
                某县贯彻落实全省2020年政务公开工
                作要点任务分工方案
                """ + ITEMS, null);
        assertThat(plan.title()).isEqualTo("某县贯彻落实全省2020年政务公开工作要点任务分工方案");
        assertThat(plan.year()).isEqualTo(2020);
    }

    @Test
    void aTitleOverTwoLinesAboveATableCopiedOneCellPerLine() {
        ParsedPlan plan = PlanParser.parse("""
                某县落实全市2022年政务公开
                工作要点分工方案
                工作任务 |
                具体要求 |
                责任单位 |
                推进预算公开 |
                1.及时公开年度预算和决算情况。 |
                县财政局 |
                """, null);
        assertThat(plan.title()).isEqualTo("某县落实全市2022年政务公开工作要点分工方案");
        assertThat(plan.year()).isEqualTo(2022);
    }

    @Test
    void aDocumentSharingWrapperBeforeTheTitle() {
        ParsedPlan plan = PlanParser.parse("""
                某区政务公开工作任务分解.doc
                - 文档编号:88123
                - 格式:DOC
                - 页数:12
                - 大小:41.2KB
                VIP
                文档下载
                某区政务公开工作任务分解
                某区2025年政务公开工作任务分解
                """ + ITEMS, null);
        assertThat(plan.title()).isEqualTo("某区2025年政务公开工作任务分解");
        assertThat(plan.year()).isEqualTo(2025);
        assertThat(plan.items()).extracting(ParsedItem::number).containsExactly("1", "2");
    }

    @Test
    void aSiteFooterAfterTheLastItem() {
        ParsedPlan plan = PlanParser.parse("""
                某县2023年政务公开工作要点
                一、深化重点领域公开
                1.及时公开年度预算和决算情况。(牵头单位:县财政局;完成时限:年底前)
                2.做好农村集体资产信息公开,按季度更新公开内容。
                主办单位:某县人民政府办公室 承办单位:某县大数据中心
                网站标识码:3305210001 浙ICP备05012345号
                版权所有 © 某县人民政府
                联系我们 | 网站地图
                """, null);
        List<ParsedItem> items = plan.items();
        assertThat(items).hasSize(2);
        ParsedItem last = items.get(1);
        assertThat(last.text()).isEqualTo("做好农村集体资产信息公开,按季度更新公开内容。");
        assertThat(plan.title()).isEqualTo("某县2023年政务公开工作要点");
    }

    @Test
    void aSiteFooterAfterTheLastRowOfATableCopiedOneCellPerLine() {
        ParsedPlan plan = PlanParser.parse("""
                某镇2024年政务公开工作任务清单
                序号 |
                工作任务 |
                责任单位 |
                1 |
                公开镇级年度预算执行情况 |
                镇财政所 |
                2 |
                更新便民服务事项办事指南 |
                镇便民服务中心 |
                版权所有 某镇人民政府 |
                网站标识码:4101220003 |
                """, null);
        assertThat(plan.items()).extracting(ParsedItem::text)
                .containsExactly("公开镇级年度预算执行情况", "更新便民服务事项办事指南");
        assertThat(plan.items().get(1).responsibleUnits()).containsExactly("镇便民服务中心");
    }

    @Test
    void aSiteFooterInPipeRowsAfterTheTable() {
        ParsedPlan plan = PlanParser.parse("""
                某镇2024年政务公开工作任务清单
                序号 | 工作任务 | 责任单位 |
                1 | 公开镇级年度预算执行情况 | 镇财政所 |
                2 | 更新便民服务事项办事指南 | 镇便民服务中心 |
                主办单位:某镇人民政府 | 承办单位:某镇党政办 |
                网站标识码:4101220003 | 豫ICP备12345678号 |
                """, null);
        assertThat(plan.items()).extracting(ParsedItem::text)
                .containsExactly("公开镇级年度预算执行情况", "更新便民服务事项办事指南");
    }

    @Test
    void aSiteNameAboveAWholeTitleIsNoPartOfIt() {
        ParsedPlan plan = PlanParser.parse("""
                某县人民政府门户网站
                某县2022年政务公开工作要点
                """ + ITEMS, null);
        assertThat(plan.title()).isEqualTo("某县2022年政务公开工作要点");
    }

    @Test
    void anEditorsNoteAboveTheTitleIsNoPartOfIt() {
        ParsedPlan plan = PlanParser.parse("""
                (本文有删减)
                某县2022年政务公开重点任务分解
                """ + ITEMS, null);
        assertThat(plan.title()).isEqualTo("某县2022年政务公开重点任务分解");
    }
}
