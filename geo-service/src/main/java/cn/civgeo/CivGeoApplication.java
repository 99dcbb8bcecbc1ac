package cn.civgeo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CivGeoApplication {
    public static void main(String[] args) {
        SpringApplication.run(CivGeoApplication.class, args);
    }
}
