package io.github.flagtest.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("call sites through frameworks' proxies")
class CallSitesTest {

    private final FakeFlags flags = new FakeFlags(FlagState.of(Map.of("loyalty", true)));

    @Test
    @DisplayName("skip Spring CGLIB, Quarkus client proxy and subclass, and Micronaut $Intercepted frames")
    void skipsGeneratedProxies() {
        Reader bean = new Reader$$SpringCGLIB$$0(
                new Reader_ClientProxy(new Reader_Subclass(new $Reader$Definition$Intercepted(flags))));
        int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
        bean.on("loyalty");

        assertThat(flags.evaluations().get(0).callSite().getClassName()).isEqualTo(CallSitesTest.class.getName());
        assertThat(flags.evaluations().get(0).callSite().getLineNumber()).isEqualTo(line);
    }

    @Test
    @DisplayName("name generated classes by their marks, and the application's classes not")
    void generatedNames() {
        assertThat(List.of(
                        "com.example.OrderService$$SpringCGLIB$$0",
                        "com.example.LoyaltyService_ClientProxy",
                        "com.example.LoyaltyService_Subclass",
                        "com.example.$LoyaltyService$Definition$Intercepted",
                        "com.example.Flags$MockitoMock$12345",
                        "com.example.Flags$ByteBuddy$abc",
                        "jdk.proxy2.$Proxy17",
                        "com.sun.proxy.$Proxy3",
                        "org.springframework.aop.framework.CglibAopProxy$DynamicAdvisedInterceptor"))
                .allMatch(CallSites::generated);
        assertThat(CallSites.generated("com.example.OrderService")).isFalse();
        assertThat(CallSites.skipped("com.example.FlagWrapper", List.of("com.example.Flag")))
                .isTrue();
        assertThat(CallSites.skipped("com.example.OrderService", List.of("com.example.Flag")))
                .isFalse();
    }

    interface Reader {
        boolean on(String flag);
    }

    record $Reader$Definition$Intercepted(FakeFlags flags) implements Reader {
        public boolean on(String flag) {
            return flags.isEnabled(flag);
        }
    }

    record Reader_Subclass(Reader next) implements Reader {
        public boolean on(String flag) {
            return next.on(flag);
        }
    }

    record Reader_ClientProxy(Reader next) implements Reader {
        public boolean on(String flag) {
            return next.on(flag);
        }
    }

    record Reader$$SpringCGLIB$$0(Reader next) implements Reader {
        public boolean on(String flag) {
            return next.on(flag);
        }
    }
}
