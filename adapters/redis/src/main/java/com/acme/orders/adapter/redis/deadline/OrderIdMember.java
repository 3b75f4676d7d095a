package com.acme.orders.adapter.redis.deadline;

import com.acme.orders.domain.OrderId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An order id as a sorted-set member: its 16 raw bytes, not its 36-character text, because the index holds one entry
 * per pending order and the member is most of an entry's own size. The bytes travel as an ISO-8859-1 string, the one
 * charset that maps every byte to one char and back unchanged, so Spring's string serializer carries them as they are.
 */
final class OrderIdMember {

    static final java.nio.charset.Charset CHARSET = StandardCharsets.ISO_8859_1;

    private OrderIdMember() {}

    static String of(OrderId order) {
        UUID id = order.value();
        byte[] bytes = ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
        return new String(bytes, CHARSET);
    }

    static OrderId toOrderId(String member) {
        ByteBuffer bytes = ByteBuffer.wrap(member.getBytes(CHARSET));
        if (bytes.remaining() != 16) {
            throw new IllegalArgumentException("a deadline index member is 16 bytes, got " + bytes.remaining());
        }
        return new OrderId(new UUID(bytes.getLong(), bytes.getLong()));
    }
}
