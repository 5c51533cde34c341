package io.odradek.transport.nio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ConnectionTableTest {

    @Test
    void behavesLikeAMapUnderRandomPutsAndRemoves() {
        ConnectionTable table = new ConnectionTable();
        Map<Integer, NioConnection> model = new HashMap<>();
        Random random = new Random(7);
        for (int step = 0; step < 20_000; step++) {
            int id = random.nextInt(200) - 20;
            if (random.nextBoolean()) {
                NioConnection connection = new NioConnection(id, "host:" + step, null, null, 100);
                table.put(connection);
                model.put(id, connection);
            } else {
                assertThat(table.remove(id)).isSameAs(model.remove(id));
            }
            int probe = random.nextInt(200) - 20;
            assertThat(table.get(probe)).isSameAs(model.get(probe));
            assertThat(table.size()).isEqualTo(model.size());
        }
        model.forEach((id, connection) -> assertThat(table.get(id)).isSameAs(connection));
    }
}
