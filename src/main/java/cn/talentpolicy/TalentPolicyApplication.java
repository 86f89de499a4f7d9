package cn.talentpolicy;

import cn.talentpolicy.cli.TalentCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the service, or runs a command-line tool when the first argument names one (see {@link TalentCommand}). */
@SpringBootApplication
public class TalentPolicyApplication {

    public static void main(String[] args) {
        if (TalentCommand.isCommand(args)) {
            System.exit(TalentCommand.run(args));
        }
        SpringApplication.run(TalentPolicyApplication.class, args);
    }
}
