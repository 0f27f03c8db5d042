package cn.duban.notify;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.duban.org.Names;
import cn.duban.plan.Item;
import cn.duban.rules.WorkCalendar;
import cn.duban.system.Settings;

/** How a notification names an item: number, title, due date with working days left, and a link to it. */
@Component
public class Messages {

    private final WorkCalendar calendar;
    private final Names names;
    private final String baseUrl;

    public Messages(WorkCalendar calendar, Names names, Settings settings) {
        this.calendar = calendar;
        this.names = names;
        this.baseUrl = settings.baseUrl().replaceAll("/+$", "");
    }

    /** 第N项「title」, 完成时限 YYYY-MM-DD, 剩余 N 个工作日 (or 已逾期 N 个工作日), 链接 …. */
    public String item(long itemId, String number, String text, LocalDate due, LocalDate today) {
        StringBuilder s = new StringBuilder("第").append(number).append("项「").append(Item.titleOf(text)).append("」");
        if (due != null) {
            int left = calendar.workingDaysBetween(today, due);
            s.append(", 完成时限 ").append(due)
                    .append(left >= 0 ? ", 剩余 " + left + " 个工作日" : ", 已逾期 " + (-left) + " 个工作日");
        }
        return s.append(", 链接 ").append(baseUrl).append("/items/").append(itemId).toString();
    }

    /** The supervisors' notice of an escalation: the item and its units by name, and the first unit's reason. */
    public String escalation(String level, String item, java.util.List<String> unitCodes, String reason) {
        return "【" + level + "】" + item + " (责任单位: " + names.units(unitCodes) + ")。原因: " + reason;
    }
}
