package dev.studybuddy.command.config;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * Every command runs in a transaction (Axon's command bus begins one with Spring's transaction manager), but most
 * commands are decided by their aggregate alone and never touch PostgreSQL. Handing out connections lazily, on
 * the first statement, keeps those commands independent of PostgreSQL: with it down they still succeed, and only
 * what really reads or writes it (identity, files, deadlines, mentions, idempotency keys) answers 503.
 */
@Configuration(proxyBeanMethods = false)
class LazyDatabaseConnections {

    @Bean
    static BeanPostProcessor lazyDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof LazyConnectionDataSourceProxy)
                        ? new LazyConnectionDataSourceProxy(dataSource)
                        : bean;
            }
        };
    }
}
