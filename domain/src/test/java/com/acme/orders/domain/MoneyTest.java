package com.acme.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @Test
    void an_amount_is_kept_at_the_scale_of_its_currency() {
        assertThat(Money.of("12.5", "EUR").amount())
                .isEqualByComparingTo("12.50")
                .hasToString("12.50");
        assertThat(Money.of("1200", "JPY").amount()).hasToString("1200");
        assertThat(Money.of("1.5", "KWD").amount()).hasToString("1.500");
    }

    @Test
    void equal_amounts_written_differently_are_the_same_money() {
        assertThat(Money.of("12.5", "EUR")).isEqualTo(Money.of("12.50", "EUR"));
        assertThat(Money.of("12.50", "EUR")).isNotEqualTo(Money.of("12.50", "USD"));
    }

    @ParameterizedTest
    @CsvSource({"1.234,EUR", "0.5,JPY", "1.0001,KWD"})
    void an_amount_with_more_decimals_than_its_currency_is_refused_not_rounded(String amount, String currency) {
        assertThatThrownBy(() -> Money.of(amount, currency))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("decimal places");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "1000000000000", "1e15", "1e400", "99999999999999999999999"})
    void negative_and_absurd_amounts_are_refused(String amount) {
        assertThatThrownBy(() -> Money.of(amount, "EUR"))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).subject())
                .isEqualTo("amount");
    }

    @Test
    void the_largest_amount_below_the_limit_is_accepted() {
        assertThat(Money.of("999999999999.99", "EUR").amount()).isEqualByComparingTo(new BigDecimal("999999999999.99"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "eur", "EURO", "", "XAU", "XXX"})
    void unknown_or_unpayable_currencies_are_refused(String code) {
        assertThatThrownBy(() -> Money.currency(code))
                .isInstanceOf(DomainRuleViolation.class)
                .extracting(e -> ((DomainRuleViolation) e).subject())
                .isEqualTo("currency");
    }

    @Test
    void text_that_is_not_a_number_is_refused_as_an_amount() {
        assertThatThrownBy(() -> Money.of("12,50", "EUR")).isInstanceOf(DomainRuleViolation.class);
    }
}
