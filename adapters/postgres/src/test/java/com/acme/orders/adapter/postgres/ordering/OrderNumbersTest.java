package com.acme.orders.adapter.postgres.ordering;

import static com.acme.orders.adapter.postgres.TestOrders.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import com.acme.orders.adapter.postgres.PostgresAdapterTest;
import com.acme.orders.domain.OrderNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderNumbersTest extends PostgresAdapterTest {

    private static final int THREADS = 8;
    private static final int NUMBERS_PER_THREAD = 50;

    @Test
    void order_numbers_drawn_by_many_threads_at_once_are_all_different_and_start_with_the_day() throws Exception {
        var start = new CyclicBarrier(THREADS);
        var drawn = new ArrayList<OrderNumber>();
        try (var pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<List<OrderNumber>>> threads = IntStream.range(0, THREADS)
                    .mapToObj(thread -> pool.submit(() -> {
                        start.await();
                        return IntStream.range(0, NUMBERS_PER_THREAD)
                                .mapToObj(i -> numbers.next(TODAY))
                                .toList();
                    }))
                    .toList();
            for (var thread : threads) {
                drawn.addAll(thread.get(1, TimeUnit.MINUTES));
            }
        }

        assertThat(drawn).hasSize(THREADS * NUMBERS_PER_THREAD).doesNotHaveDuplicates();
        assertThat(drawn).allSatisfy(it -> assertThat(it.value()).matches("20261123-\\d{8,19}"));
    }
}
