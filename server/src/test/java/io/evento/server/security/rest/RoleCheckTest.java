package io.evento.server.security.rest;

import io.evento.server.catalog.rest.CatalogResource;
import io.evento.server.cluster.rest.ClusterResource;
import io.evento.server.consumer.rest.ConsumerResource;
import io.evento.server.flow.rest.FlowResource;
import io.evento.server.security.Role;
import io.evento.server.status.rest.StatusResource;
import io.evento.server.store.rest.StoreResource;
import io.evento.server.telemetry.rest.TelemetryResource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RoleCheckTest {

    @Nested
    class Declarations {

        @RolesAllowed("viewer")
        static class Declared {
            public void read() {
            }

            @RolesAllowed("admin")
            public void act() {
            }

            @PermitAll
            public void open() {
            }

            @DenyAll
            public void closed() {
            }
        }

        static class Undeclared {
            public void anything() {
            }
        }

        @Test
        void theMethodWinsOverTheClass() throws Exception {
            assertThat(RoleCheck.allowed(Declared.class.getMethod("read"), Declared.class)).containsExactly("viewer");
            assertThat(RoleCheck.allowed(Declared.class.getMethod("act"), Declared.class)).containsExactly("admin");
            assertThat(RoleCheck.allowed(Declared.class.getMethod("open"), Declared.class)).isNull();
            assertThat(RoleCheck.allowed(Declared.class.getMethod("closed"), Declared.class)).isEmpty();
        }

        @Test
        void aMethodThatDeclaresNothingIsClosed() throws Exception {
            assertThat(RoleCheck.allowed(Undeclared.class.getMethod("anything"), Undeclared.class)).isEmpty();
        }
    }

    @Nested
    class TheServersResources {

        private final List<Class<?>> resources = List.of(CatalogResource.class, ClusterResource.class, ConsumerResource.class,
                FlowResource.class, StatusResource.class, StoreResource.class, TelemetryResource.class, AuthResource.class);

        @Test
        void everyReadNeedsTheViewerRoleAndEveryActionTheAdminRole() {
            for (Class<?> resource : resources) {
                for (Method method : endpoints(resource)) {
                    List<String> allowed = RoleCheck.allowed(method, resource);
                    String name = resource.getSimpleName() + "." + method.getName();
                    if (method.getName().equals("login")) {
                        assertThat(allowed).as(name).isNull();
                    } else if (method.isAnnotationPresent(GET.class)) {
                        assertThat(allowed).as(name).contains(Role.VIEWER_ROLE);
                    } else {
                        assertThat(allowed).as(name).containsExactly(Role.ADMIN_ROLE);
                    }
                }
            }
        }

        private List<Method> endpoints(Class<?> resource) {
            return Arrays.stream(resource.getMethods())
                    .filter(m -> Arrays.stream(m.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class)))
                    .toList();
        }
    }
}
