import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/no-unbound-port-interfaces.js";
import { check } from "../../helpers/check.js";

describe("DC005 no-unbound-port-interfaces", () => {
  it("reports published ports without an address, short and long", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          ports:
            - "8080:80"
      #       ^^^^^^^^^ warning[DC005]: Service 'web' publishes port 8080 on every host interface; bind it to an address such as 127.0.0.1
            - "127.0.0.1:8443:443"
            - "9000"
            - 7000-7002:7000-7002
      #       ^^^^^^^^^^^^^^^^^^^ warning[DC005]: Service 'web' publishes port 7000-7002 on every host interface; bind it to an address such as 127.0.0.1
            - target: 53
              published: "53"
      #                  ^^^^ warning[DC005]: Service 'web' publishes port 53 on every host interface; bind it to an address such as 127.0.0.1
              protocol: udp
            - target: 54
              host_ip: 127.0.0.1
              published: "54"
    `));
});
