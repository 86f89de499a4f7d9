package cn.talentpolicy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TalentPolicyApplication {
    public static void main(String[] args) {
        SpringApplication.run(TalentPolicyApplication.class, args);
    }
}
