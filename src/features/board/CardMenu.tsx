import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import type { RatingScale } from '../../domain';
import { MoveButton } from './MoveButton';

/** "Move to…": the ratings a card can go to, for whoever cannot or would rather not drag. */
export function CardMenu(props: {
  reference: string;
  rating: string;
  scale: RatingScale;
  onMove: (rating: string) => void;
}) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MoveButton reference={props.reference} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList aria-label={`Move ${props.reference} to`}>
          {props.scale.ratings
            .filter((r) => r.key !== props.rating)
            .map((r) => (
              <MenuItem
                key={r.key}
                // Once the menu has closed and given focus back: the note dialog then takes it.
                onClick={() => window.setTimeout(() => props.onMove(r.key), 0)}
              >
                {r.label}
              </MenuItem>
            ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
