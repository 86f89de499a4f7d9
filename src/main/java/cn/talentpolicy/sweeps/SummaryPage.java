package cn.talentpolicy.sweeps;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * {@code summary.html}: the sweep summary as one self-contained page (inline styles and SVG bar charts, no
 * script, nothing fetched) that a bureau head can open from a file share or an e-mail.
 */
final class SummaryPage {

    private SummaryPage() {
    }

    static String render(SweepSummary s) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>政策找人 · 排查结果 ").append(s.asOf()).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",sans-serif;")
                .append("margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}\n")
                .append("h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}\n")
                .append(".totals{display:flex;flex-wrap:wrap;gap:1rem}.totals div{border:1px solid #ccc;")
                .append("border-radius:6px;padding:.6rem 1rem}.totals b{display:block;font-size:1.4rem}\n")
                .append("table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;")
                .append("padding:.3rem .5rem;text-align:right}th:first-child,td:first-child{text-align:left}\n")
                .append("svg text{font-size:12px}\n</style>\n</head>\n<body>\n");
        html.append("<h1>政策找人 · 排查结果</h1>\n<p>截至 ").append(s.asOf()).append("，规则集版本 <code>")
                .append(escape(s.rulesetVersion())).append("</code>")
                .append(s.shards().isEmpty() ? "，全部人员" : "，分片 " + escape(String.join("、", s.shards())))
                .append("。</p>\n");
        html.append("<div class=\"totals\">")
                .append(total("读取条目", number(s.entries())))
                .append(total("完成评估", number(s.people())))
                .append(total("数据有误（见 rejects.jsonl）", number(s.rejected())))
                .append(total("可新申领人数", number(s.claimants())))
                .append(total("可新申领事项", number(s.claims())))
                .append(total("预计金额（元）", money(s.amount())))
                .append("</div>\n");

        List<SweepSummary.PolicyCount> paying = s.policies().stream()
                .sorted(Comparator.comparing(SweepSummary.PolicyCount::amount).reversed()).toList();
        html.append("<h2>按政策：预计金额（元）</h2>\n")
                .append(bars(paying, p -> p.title(), SweepSummary.PolicyCount::amount));
        html.append("<h2>按政策：人数</h2>\n<table><thead><tr><th>政策</th><th>可新申领</th><th>预计金额（元）</th>")
                .append("<th>已领取</th><th>人才层级已认定</th><th>需补充信息</th><th>不符合</th></tr></thead><tbody>\n");
        for (SweepSummary.PolicyCount p : s.policies()) {
            html.append("<tr><td>").append(escape(p.title())).append("<br><small><code>").append(escape(p.policyId()))
                    .append("</code></small></td><td>").append(number(p.claimable())).append("</td><td>")
                    .append(money(p.amount())).append("</td><td>").append(number(p.claimed())).append("</td><td>")
                    .append(number(p.certified())).append("</td><td>").append(number(p.needsInfo()))
                    .append("</td><td>").append(number(p.ineligible())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");

        List<SweepSummary.RegionCount> regions = s.regions().stream()
                .sorted(Comparator.comparing(SweepSummary.RegionCount::amount).reversed()).toList();
        html.append("<h2>按地区（工作所在市）：预计金额（元）</h2>\n")
                .append(bars(regions, r -> r.name(), SweepSummary.RegionCount::amount));
        html.append("<table><thead><tr><th>地区</th><th>可新申领人数</th><th>事项</th><th>预计金额（元）</th></tr>")
                .append("</thead><tbody>\n");
        for (SweepSummary.RegionCount r : regions) {
            html.append("<tr><td>").append(escape(r.name())).append(" <small><code>").append(escape(r.region()))
                    .append("</code></small></td><td>").append(number(r.claimants())).append("</td><td>")
                    .append(number(r.claims())).append("</td><td>").append(money(r.amount())).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n<p><small>可新申领：符合条件且补贴台账中尚无发放记录。明细见 claimable.jsonl（含通知文本）。")
                .append("</small></p>\n</body>\n</html>\n");
        return html.toString();
    }

    /** A horizontal bar chart, one bar a row, scaled to the largest value. */
    private static <T> String bars(List<T> rows, Function<T, String> label, Function<T, BigDecimal> value) {
        int rowHeight = 24;
        int labelWidth = 220;
        int barWidth = 420;
        BigDecimal max = rows.stream().map(value).max(Comparator.naturalOrder()).orElse(BigDecimal.ZERO);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg role=\"img\" width=\"").append(labelWidth + barWidth + 130).append("\" height=\"")
                .append(rowHeight * Math.max(1, rows.size()) + 4).append("\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (int i = 0; i < rows.size(); i++) {
            T row = rows.get(i);
            BigDecimal v = value.apply(row);
            int width = max.signum() <= 0 ? 0 : v.multiply(BigDecimal.valueOf(barWidth))
                    .divide(max, java.math.RoundingMode.HALF_UP).intValue();
            int y = i * rowHeight;
            svg.append("<text x=\"0\" y=\"").append(y + 16).append("\">").append(escape(label.apply(row)))
                    .append("</text><rect x=\"").append(labelWidth).append("\" y=\"").append(y + 4)
                    .append("\" width=\"").append(width).append("\" height=\"16\" fill=\"#2f6fb0\"/><text x=\"")
                    .append(labelWidth + width + 6).append("\" y=\"").append(y + 16).append("\">")
                    .append(money(v)).append("</text>\n");
        }
        return svg.append("</svg>\n").toString();
    }

    private static String total(String label, String value) {
        return "<div>" + escape(label) + "<b>" + value + "</b></div>";
    }

    private static String number(long n) {
        return new DecimalFormat("#,##0").format(n);
    }

    private static String money(BigDecimal amount) {
        return new DecimalFormat("#,##0.##").format(amount);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
