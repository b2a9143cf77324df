package io.evento.payara;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MicroRecipeTest {

    private final MicroRecipe recipe = MicroRecipe.fromProject();
    private final Path work = Path.of("target/recipe-test");

    @Nested
    class AServerInstance {

        @Test
        void joinsItsClusterOverTcpIpOnTheBindAddressWithTheServersDatasource() {
            // given
            MicroInstanceSpec spec = new MicroInstanceSpec("instance-1", Path.of("micro.jar"), Path.of("pg.jar"), Path.of("server.war"),
                    8080, 6900, "evento", List.of(6900, 6901), Map.of(), List.of(), "512m", work);

            // when
            List<String> command = recipe.commandLine(spec);

            // then
            assertThat(command).containsAll(recipe.jvmOptions()).containsAll(recipe.microOptions())
                    .containsSubsequence("--clustermode", "tcpip:127.0.0.1:6900,127.0.0.1:6901")
                    .containsSubsequence("--postbootcommandfile", recipe.postBootFile().toString())
                    .containsSubsequence("--addlibs", "pg.jar")
                    .doesNotContain("--nohazelcast", "--nocluster");
        }
    }

    @Nested
    class AnApplicationInstance {

        @Test
        void carriesTheLoopbackRecipeWithoutHazelcastAndWithoutTheServersDatasource() {
            // given a bundle WAR on its own Payara Micro
            MicroInstanceSpec spec = MicroInstanceSpec.application("todo-1", Path.of("micro.jar"), Path.of("todo.war"), 8090,
                    Map.of("EVENTO_SERVERS", "http://127.0.0.1:8080"), "256m", work);

            // when
            List<String> command = recipe.commandLine(spec);

            // then
            assertThat(spec.isServer()).isFalse();
            assertThat(command).containsAll(recipe.jvmOptions()).containsAll(recipe.microOptions()).contains("--nohazelcast")
                    .containsSubsequence("--interfaces", "127.0.0.1")
                    .containsSubsequence("--deploy", "todo.war", "--contextroot", "/")
                    .doesNotContain("--clustermode", "--postbootcommandfile", "--addlibs", "--nocluster");
        }
    }
}
