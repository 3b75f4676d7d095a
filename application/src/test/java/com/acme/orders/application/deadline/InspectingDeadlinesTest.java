package com.acme.orders.application.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.application.deadline.port.DeadlineForecast;
import com.acme.orders.application.fakes.MovableClock;
import com.acme.orders.application.fakes.RecordedDeadlines;
import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class InspectingDeadlinesTest {

    private static final DeadlineForecast NOTHING_DUE =
            (now, width, slots) -> new DeadlineForecast.Forecast(0, 0, 0, Collections.nCopies(slots, 0L));

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T10:00:00Z"));

    @Test
    void an_index_that_cannot_be_read_is_reported_with_its_reason_and_the_database_figures_are_still_shown() {
        var unreachable = new RecordedDeadlines() {
            @Override
            public synchronized long size() {
                throw new IllegalStateException("Unable to connect to Redis");
            }
        };

        var report = new InspectDeadlines(NOTHING_DUE, unreachable, clock).inspect();

        assertThat(report.asOf()).isEqualTo(clock.instant());
        assertThat(report.forecast().due()).hasSize(InspectDeadlines.SLOTS);
        assertThat(report.index().tracked()).isEmpty();
        assertThat(report.index().problem())
                .hasValueSatisfying(it -> assertThat(it).contains("Unable to connect to Redis"));
    }

    @Test
    void an_index_that_lost_its_data_shows_no_rebuild_time_until_it_is_rebuilt() {
        var index = new RecordedDeadlines();
        var inspect = new InspectDeadlines(NOTHING_DUE, index, clock);

        assertThat(inspect.inspect().index().rebuiltAt()).isEmpty();
        index.markRebuilt();
        assertThat(inspect.inspect().index().rebuiltAt()).isPresent();
        assertThat(inspect.inspect().index().problem()).isEmpty();
    }
}
