package cn.duban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DubanApplication {

    public static void main(String[] args) {
        SpringApplication.run(DubanApplication.class, args);
    }
}
