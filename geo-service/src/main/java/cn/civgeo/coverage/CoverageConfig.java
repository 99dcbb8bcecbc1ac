package cn.civgeo.coverage;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CoverageProperties.class)
class CoverageConfig {}
