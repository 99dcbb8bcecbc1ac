package cn.civgeo.adjustment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(AdjustmentProperties.class)
class AdjustmentConfig {}
