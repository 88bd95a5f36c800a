import { useRef } from "preact/hooks";
import { ROLE_LABELS, ROLES } from "../../src/core/lens/roles.js";

/**
 * The Role select of the Balance and Assess views: "" is the config's role, any other value
 * asks for that role's report (`?role=`), as the CLI's `--role`. `configLabel` is the role of
 * the report on show; the first one seen while no role is picked is the config's and is kept,
 * so the option still names the config's role once another is picked.
 */
export function RolePicker(props: {
  value: string;
  onChange: (role: string) => void;
  configLabel: string | undefined;
}) {
  const configLabel = useRef<string | undefined>(undefined);
  if (configLabel.current === undefined && props.value === "") {
    configLabel.current = props.configLabel;
  }
  return (
    <label>
      Role{" "}
      <select value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">
          From the config{configLabel.current ? ` (${configLabel.current})` : ""}
        </option>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
    </label>
  );
}
