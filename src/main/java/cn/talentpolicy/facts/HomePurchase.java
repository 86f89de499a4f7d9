package cn.talentpolicy.facts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A home purchase (an event record). Its absence means no purchase; a null field inside it is unknown.
 */
public record HomePurchase(String personId, String region, LocalDate date, BigDecimal price, Boolean firstHomeInCity)
        implements PersonFact {
}
