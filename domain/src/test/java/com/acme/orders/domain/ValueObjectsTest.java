package com.acme.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {

    @Test
    void an_order_number_is_the_day_and_a_zero_padded_sequence() {
        assertThat(OrderNumber.of(LocalDate.of(2026, 11, 23), 42)).hasToString("20261123-00000042");
        assertThat(OrderNumber.of(LocalDate.of(2026, 1, 2), 123_456_789_012L)).hasToString("20260102-123456789012");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Quantity.MAX + 1})
    void a_quantity_is_between_one_and_the_maximum(int value) {
        assertThatThrownBy(() -> new Quantity(value)).isInstanceOf(DomainRuleViolation.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "tab\there", "line\nbreak", "caf\u00e9", "\u0430lice", "x\u200b"})
    void a_customer_id_with_spaces_control_or_look_alike_characters_is_refused(String value) {
        assertThatThrownBy(() -> new CustomerId(value)).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void a_customer_id_longer_than_the_limit_is_refused() {
        assertThatThrownBy(() -> new CustomerId("a".repeat(CustomerId.MAX_LENGTH + 1)))
                .isInstanceOf(DomainRuleViolation.class);
        assertThat(new CustomerId("a".repeat(CustomerId.MAX_LENGTH))).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-lead", "has space", "semi;colon", "<script>", "' OR 1=1 --"})
    void a_sku_is_letters_digits_and_a_few_separators(String value) {
        assertThatThrownBy(() -> new Sku(value)).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void an_order_id_that_is_not_a_uuid_is_refused() {
        assertThatThrownBy(() -> OrderId.of("42")).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void an_order_gets_the_standard_payment_window_unless_it_asks_for_one_within_the_bounds() {
        var window = PaymentWindow.THIRTY_MINUTES;
        assertThat(window.forOrder(Optional.empty())).isEqualTo(Duration.ofMinutes(30));
        assertThat(window.forOrder(Optional.of(Duration.ofMinutes(5)))).isEqualTo(Duration.ofMinutes(5));
        assertThatThrownBy(() -> window.forOrder(Optional.of(Duration.ofSeconds(10))))
                .isInstanceOf(DomainRuleViolation.class);
        assertThatThrownBy(() -> window.forOrder(Optional.of(Duration.ofDays(2))))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void payment_window_bounds_must_be_ordered() {
        assertThatThrownBy(() -> new PaymentWindow(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
