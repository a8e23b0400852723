import Link from "next/link";
import { sectionFacts } from "@/components/sections/section-facts";
import { ArrowRightIcon } from "@/components/shell/icons";
import { SECTION_ITEMS } from "@/components/shell/nav-items";
import type { RecordCounts } from "@/lib/overview/record-counts";
import { schemaSummary } from "@/lib/schema/summary";
import styles from "./overview.module.css";

export async function SectionLinks({ counts }: { counts: RecordCounts }) {
  const facts = sectionFacts(counts, await schemaSummary());
  return (
    <nav aria-labelledby="sections-heading" className={styles.sections}>
      <h2 id="sections-heading" className={styles.sectionsHeading}>
        Sections
      </h2>
      <ul className={styles.sectionGrid}>
        {SECTION_ITEMS.map(({ href, label, summary, icon: Icon }) => (
          <li key={href}>
            <Link href={href} className={styles.sectionLink}>
              <span className={styles.sectionTitle}>
                <Icon className={styles.sectionIcon} />
                {label}
                <ArrowRightIcon className={styles.sectionArrow} />
              </span>
              <span className={styles.sectionSummary}>{summary}</span>
              <span className={`${styles.sectionFact} num`}>{facts[href].text}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
