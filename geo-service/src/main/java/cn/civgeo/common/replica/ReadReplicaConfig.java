package cn.civgeo.common.replica;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/** The two pools, when {@code civgeo.database.read-url} is set (see the package documentation). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${civgeo.database.read-url:}' != ''")
class ReadReplicaConfig {

    @Bean
    @Primary
    ReadRoutingDataSource dataSource(Environment env, @Value("${spring.datasource.url}") String url,
                                     @Value("${spring.datasource.username}") String user,
                                     @Value("${spring.datasource.password}") String password,
                                     @Value("${civgeo.database.read-url}") String readUrl,
                                     @Value("${civgeo.database.read-pool-size:16}") int readPoolSize) {
        HikariDataSource leader = new HikariDataSource();
        Binder.get(env).bind("spring.datasource.hikari", Bindable.ofInstance(leader));
        leader.setJdbcUrl(url);
        leader.setUsername(user);
        leader.setPassword(password);
        leader.setPoolName("civgeo-leader");

        HikariDataSource replicas = new HikariDataSource();
        replicas.setJdbcUrl(readUrl);
        replicas.setUsername(user);
        replicas.setPassword(password);
        replicas.setReadOnly(true);
        replicas.setMaximumPoolSize(readPoolSize);
        replicas.setConnectionTimeout(1000);
        replicas.setInitializationFailTimeout(-1); // start even while no replica is up
        replicas.setPoolName("civgeo-replicas");
        return new ReadRoutingDataSource(leader, replicas);
    }
}
