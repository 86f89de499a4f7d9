package cn.talentpolicy.sweeps;

import cn.talentpolicy.decisions.Benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of {@code claimable.jsonl}: a policy a person qualifies for and has not been paid under, with the
 * amount, the reasons (each criterion's, in Chinese) and the notification to send.
 *
 * @param total       the sum of the payments' totals (a negotiated payment adds nothing)
 * @param inputDigest {@code sha256:} of the person's entry as read (its canonical JSON): the input the claim was
 *                    decided on, as the decision register records it
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Claim(String personId, String policyId, String policy, String region, String certifiedTier,
                    List<Payment> payments, BigDecimal total, List<String> reasons, String notification,
                    String inputDigest) {

    /** The same claim, with the entry it was decided on. */
    Claim decidedOn(String digest) {
        return new Claim(personId, policyId, policy, region, certifiedTier, payments, total, reasons, notification,
                digest);
    }

    /** What one policy part pays. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Payment(String part, String kind, BigDecimal amount, Integer months, Integer years,
                          BigDecimal total) {
        static Payment of(Benefit b) {
            return new Payment(b.part(), b.kind().name(), b.amount(), b.months(), b.years(), b.total());
        }
    }

    /** The ready-to-send text: who, which policy, how much, on which date's records, and what to do next. */
    static String notification(String personId, String policy, List<Benefit> payments, BigDecimal total,
                               LocalDate asOf) {
        StringBuilder text = new StringBuilder();
        text.append("【政策找人】尊敬的人才（编号 ").append(personId).append("）：根据政府部门截至 ")
                .append(asOf).append(" 掌握的信息，您符合「").append(policy).append("」的享受条件，尚未领取。可享受：");
        for (int i = 0; i < payments.size(); i++) {
            text.append(i == 0 ? "" : "；").append(describe(payments.get(i)));
        }
        if (total.signum() > 0) {
            text.append("，合计 ").append(total.toPlainString()).append(" 元");
        }
        text.append("。请登录人才服务平台核对信息并确认申领，如有疑问请联系当地人才服务机构。");
        return text.toString();
    }

    private static String describe(Benefit b) {
        return switch (b.kind()) {
            case MONTHLY -> "每月 " + b.amount().toPlainString() + " 元，共 " + b.months() + " 个月";
            case YEARLY -> "每年 " + b.amount().toPlainString() + " 元，共 " + b.years() + " 年";
            case PER_FULL_YEAR -> "每满一年 " + b.amount().toPlainString() + " 元，共 " + b.years() + " 年";
            case ONE_OFF -> "一次性 " + b.amount().toPlainString() + " 元";
            case NEGOTIATED -> "待协商确定的支持";
        };
    }
}
