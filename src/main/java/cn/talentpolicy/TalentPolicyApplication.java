package cn.talentpolicy;

import cn.talentpolicy.cli.TalentCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts the service, or runs a command-line tool when the first argument names one (see {@link TalentCommand}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TalentPolicyApplication {

    public static void main(String[] args) {
        if (TalentCommand.isCommand(args)) {
            System.exit(TalentCommand.run(args));
        }
        SpringApplication.run(TalentPolicyApplication.class, args);
    }
}
