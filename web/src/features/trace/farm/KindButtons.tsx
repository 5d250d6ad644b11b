import { Button } from 'antd';
import { useT } from '../../../app/locale/LocaleContext.js';
import { KIND_META } from './kindMeta.js';
import { BUTTON_KINDS, kindTestId, type FormKind } from './recordForm.js';

/** The six big buttons, three to a row on a phone: one thumb tap opens the kind's form. */
export function KindButtons({ onChoose }: { onChoose: (kind: FormKind) => void }) {
  const t = useT();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(96px, 1fr))', gap: 10 }} data-testid="record-kinds">
      {BUTTON_KINDS.map((kind) => (
        <Button
          key={kind}
          onClick={() => onChoose(kind)}
          style={{ height: 80, display: 'flex', flexDirection: 'column', gap: 4, alignItems: 'center', justifyContent: 'center', fontSize: 16, fontWeight: 500 }}
          data-testid={kindTestId(kind)}
        >
          <span style={{ fontSize: 26, lineHeight: 1, color: KIND_META[kind].color }}>{KIND_META[kind].icon}</span>
          {t(`trace.kind.${kind}`)}
        </Button>
      ))}
    </div>
  );
}
