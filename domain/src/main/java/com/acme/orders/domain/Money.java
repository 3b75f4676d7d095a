package com.acme.orders.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jmolecules.ddd.annotation.ValueObject;

/**
 * An exact amount in one currency, always at the currency's own scale (2 for EUR, 0 for JPY, 3 for KWD).
 * Nothing is ever rounded: an amount with more decimals than its currency has is refused, because a rounded price is
 * a different price. Amounts stop below {@link #LIMIT}, so that sums and products of valid amounts stay far away from
 * any column or overflow limit and an absurd amount is refused instead of stored.
 */
@ValueObject
public record Money(BigDecimal amount, Currency currency) {

    /** One trillion: no single order of this service comes near it, and numeric(19,4) holds it with room to spare. */
    public static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        DomainRuleViolation.require(
                currency.getDefaultFractionDigits() >= 0,
                "currency",
                currency.getCurrencyCode() + " is not a currency orders can be paid in");
        DomainRuleViolation.require(amount.signum() >= 0, "amount", "an amount is not negative");
        DomainRuleViolation.require(
                amount.compareTo(LIMIT) < 0, "amount", "an amount is below " + LIMIT.toPlainString());
        int digits = currency.getDefaultFractionDigits();
        DomainRuleViolation.require(
                amount.stripTrailingZeros().scale() <= digits,
                "amount",
                currency.getCurrencyCode() + " amounts have at most " + digits + " decimal places");
        amount = amount.setScale(digits);
    }

    public static Money of(String amount, String currencyCode) {
        try {
            return new Money(new BigDecimal(amount), currency(currencyCode));
        } catch (NumberFormatException e) {
            throw new DomainRuleViolation("amount", "an amount is a decimal number");
        }
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /** An ISO 4217 code in upper case that the JDK knows and that has minor units (no XAU, no XXX). */
    public static Currency currency(String code) {
        DomainRuleViolation.require(
                code != null && CURRENCY_CODE.matcher(code).matches(),
                "currency",
                "a currency is a three-letter ISO 4217 code in upper case");
        try {
            Currency currency = Currency.getInstance(code);
            DomainRuleViolation.require(
                    currency.getDefaultFractionDigits() >= 0,
                    "currency",
                    code + " is not a currency orders can be paid in");
            return currency;
        } catch (IllegalArgumentException e) {
            throw new DomainRuleViolation("currency", code + " is not an ISO 4217 currency");
        }
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
