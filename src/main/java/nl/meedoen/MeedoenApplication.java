package nl.meedoen;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MeedoenApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeedoenApplication.class, args);
    }

}
